package io.fluxbatch.simulator;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.fluxbatch.simulator.SimulatorClient.errorCode;
import static io.fluxbatch.simulator.SimulatorClient.inputBody;
import static io.fluxbatch.simulator.SimulatorClient.json;
import static io.fluxbatch.simulator.SimulatorClient.seedBody;
import static org.assertj.core.api.Assertions.assertThat;

class FluxSimulatorTaskLifecycleTest {

	private static final String PRO = "flux-2/pro-text-to-image";

	private static final Instant NOON = Instant.parse("2026-03-01T12:00:00Z");

	@Test
	void seedShapeReportsACompletedTaskWithItsImage() {
		try (FluxSimulator simulator = FluxSimulator.start(SimulatorSettings.defaults())) {
			SimulatorClient client = new SimulatorClient(simulator);
			String taskId = client.submit(seedBody(PRO, "a red fox", "2K", "16:9"));

			HttpResponse<String> response = client.poll(taskId);

			assertThat(response.statusCode()).isEqualTo(200);
			JsonNode body = json(response);
			assertThat(body.get("taskId").stringValue()).isEqualTo(taskId);
			assertThat(body.get("status").stringValue()).isEqualTo("completed");
			JsonNode output = body.get("output");
			assertThat(output.get("url").stringValue())
				.isEqualTo(simulator.baseUrl().replace("/api/v1", "/cdn/" + taskId + ".png"));
			assertThat(output.get("width").intValue()).isEqualTo(2048);
			assertThat(output.get("height").intValue()).isEqualTo(1152);
			assertThat(output.get("format").stringValue()).isEqualTo("png");
		}
	}

	@Test
	void envelopeShapeReportsACompletedTaskWithItsResult() {
		SimulatorSettings settings = SimulatorSettings.defaults().withShape(ResponseShape.ENVELOPE);
		try (FluxSimulator simulator = FluxSimulator.start(settings)) {
			SimulatorClient client = new SimulatorClient(simulator);
			String taskId = client.submit(inputBody("flux-2-pro-text-to-image", "a red fox", "1K", "1:1"));

			JsonNode body = json(client.poll(taskId));

			assertThat(body.get("success").booleanValue()).isTrue();
			JsonNode data = body.get("data");
			assertThat(data.get("id").stringValue()).isEqualTo(taskId);
			assertThat(data.get("status").stringValue()).isEqualTo("completed");
			assertThat(data.get("mediaType").stringValue()).isEqualTo("image");
			assertThat(data.get("prompt").stringValue()).isEqualTo("a red fox");
			assertThat(data.get("createdAt").stringValue()).endsWith("Z");
			assertThat(data.get("creditsUsed").intValue()).isEqualTo(15);
			assertThat(data.get("result").get("url").stringValue()).endsWith("/cdn/" + taskId + ".png");
			assertThat(data.get("result").get("type").stringValue()).isEqualTo("image/png");
			assertThat(data.get("error").isNull()).isTrue();
		}
	}

	@Test
	void seedShapeReportsAFailedGeneration() {
		SimulatorSettings settings = SimulatorSettings.defaults().withGenerationFailureRate(1);
		try (FluxSimulator simulator = FluxSimulator.start(settings)) {
			SimulatorClient client = new SimulatorClient(simulator);
			String taskId = client.submit(seedBody(PRO, "a red fox"));

			JsonNode body = json(client.poll(taskId));

			assertThat(body.get("status").stringValue()).isEqualTo("failed");
			assertThat(body.has("output")).isFalse();
			assertThat(body.get("error").get("code").stringValue()).isEqualTo("GENERATION_FAILED");
			assertThat(body.get("error").get("key").stringValue()).isEqualTo("generation_failed");
			assertThat(body.get("error").get("message").stringValue()).isNotBlank();
		}
	}

	@Test
	void envelopeShapeReportsAFailedGenerationInsideData() {
		SimulatorSettings settings = SimulatorSettings.defaults()
			.withShape(ResponseShape.ENVELOPE)
			.withGenerationFailureRate(1);
		try (FluxSimulator simulator = FluxSimulator.start(settings)) {
			SimulatorClient client = new SimulatorClient(simulator);
			String taskId = client.submit(seedBody(PRO, "a red fox"));

			JsonNode data = json(client.poll(taskId)).get("data");

			assertThat(data.get("status").stringValue()).isEqualTo("failed");
			assertThat(data.has("result")).isFalse();
			assertThat(data.get("creditsUsed").intValue()).isZero();
			assertThat(data.get("error").get("code").stringValue()).isEqualTo("GENERATION_FAILED");
			assertThat(data.get("error").get("key").stringValue()).isEqualTo("generation_failed");
		}
	}

	@Test
	void aTaskIsPendingThenProcessingThenCompletedAsTimePasses() {
		MutableClock clock = new MutableClock(NOON);
		SimulatorSettings settings = SimulatorSettings.defaults()
			.withLatency(Duration.ofSeconds(10), Duration.ofSeconds(30))
			.withCredits(100);
		try (FluxSimulator simulator = FluxSimulator.start(settings, clock)) {
			SimulatorClient client = new SimulatorClient(simulator);
			String taskId = client.submit(seedBody(PRO, "a red fox"));

			assertThat(status(client, taskId)).isEqualTo("pending");
			assertThat(json(client.poll(taskId)).has("output")).isFalse();
			clock.advance(Duration.ofMillis(1999));
			assertThat(status(client, taskId)).isEqualTo("pending");
			clock.advance(Duration.ofMillis(1));
			assertThat(status(client, taskId)).isEqualTo("processing");
			assertThat(json(client.poll(taskId)).has("output")).isFalse();
			assertThat(simulator.counters().creditsBalance()).isEqualTo(85);
			assertThat(simulator.counters().creditsCharged()).isZero();
			clock.advance(Duration.ofMillis(7999));
			assertThat(status(client, taskId)).isEqualTo("processing");
			clock.advance(Duration.ofMillis(1));
			assertThat(status(client, taskId)).isEqualTo("completed");
			assertThat(simulator.counters().creditsCharged()).isEqualTo(15);
			assertThat(simulator.counters().creditsBalance()).isEqualTo(85);
		}
	}

	@Test
	void flexTasksTakeTheFlexLatency() {
		MutableClock clock = new MutableClock(NOON);
		SimulatorSettings settings = SimulatorSettings.defaults()
			.withLatency(Duration.ofSeconds(10), Duration.ofSeconds(30));
		try (FluxSimulator simulator = FluxSimulator.start(settings, clock)) {
			SimulatorClient client = new SimulatorClient(simulator);
			String taskId = client.submit(seedBody("flux-2/flex-text-to-image", "a red fox"));

			clock.advance(Duration.ofSeconds(29));
			assertThat(status(client, taskId)).isEqualTo("processing");
			clock.advance(Duration.ofSeconds(1));
			assertThat(status(client, taskId)).isEqualTo("completed");
		}
	}

	@Test
	void aFailingTaskKeepsItsReservationUntilItFailsThenIsRefunded() {
		MutableClock clock = new MutableClock(NOON);
		SimulatorSettings settings = SimulatorSettings.defaults()
			.withLatency(Duration.ofSeconds(10), Duration.ofSeconds(10))
			.withCredits(100)
			.withGenerationFailureRate(1);
		try (FluxSimulator simulator = FluxSimulator.start(settings, clock)) {
			SimulatorClient client = new SimulatorClient(simulator);
			String taskId = client.submit(seedBody(PRO, "a red fox"));

			assertThat(simulator.counters().creditsBalance()).isEqualTo(85);
			assertThat(simulator.counters().generationsFailed()).isZero();
			clock.advance(Duration.ofSeconds(10));
			assertThat(status(client, taskId)).isEqualTo("failed");
			assertThat(simulator.counters().creditsBalance()).isEqualTo(100);
			assertThat(simulator.counters().generationsFailed()).isEqualTo(1);
		}
	}

	@Test
	void jitterKeepsLatencyWithinItsFraction() {
		MutableClock clock = new MutableClock(NOON);
		SimulatorSettings settings = SimulatorSettings.defaults()
			.withLatency(Duration.ofSeconds(10), Duration.ofSeconds(10))
			.withLatencyJitter(0.5);
		try (FluxSimulator simulator = FluxSimulator.start(settings, clock)) {
			SimulatorClient client = new SimulatorClient(simulator);
			String first = client.submit(seedBody(PRO, "a red fox"));
			String second = client.submit(seedBody(PRO, "a grey wolf"));

			clock.advance(Duration.ofMillis(4999));
			assertThat(status(client, first)).isNotIn("completed", "failed");
			assertThat(status(client, second)).isNotIn("completed", "failed");
			clock.advance(Duration.ofMillis(10001));
			assertThat(status(client, first)).isEqualTo("completed");
			assertThat(status(client, second)).isEqualTo("completed");
		}
	}

	@Test
	void anUnknownTaskIsNotFound() {
		try (FluxSimulator simulator = FluxSimulator.start(SimulatorSettings.defaults())) {
			SimulatorClient client = new SimulatorClient(simulator);

			HttpResponse<String> poll = client.poll("task_nope");
			HttpResponse<String> download = client.downloadLink("task_nope");

			assertThat(poll.statusCode()).isEqualTo(404);
			assertThat(errorCode(poll)).isEqualTo("TASK_NOT_FOUND");
			assertThat(download.statusCode()).isEqualTo(404);
			assertThat(errorCode(download)).isEqualTo("TASK_NOT_FOUND");
		}
	}

	@Test
	void aCompletedTaskHasADownloadLink() {
		try (FluxSimulator simulator = FluxSimulator.start(SimulatorSettings.defaults())) {
			SimulatorClient client = new SimulatorClient(simulator);
			String taskId = client.submit(seedBody(PRO, "a red fox"));

			HttpResponse<String> response = client.downloadLink(taskId);

			assertThat(response.statusCode()).isEqualTo(200);
			JsonNode body = json(response);
			assertThat(body.get("success").booleanValue()).isTrue();
			assertThat(body.get("data").get("url").stringValue()).endsWith("/cdn/" + taskId + ".png");
			assertThat(body.get("data").get("type").stringValue()).isEqualTo("image/png");
			assertThat(Instant.parse(body.get("data").get("expiresAt").stringValue())).isAfter(Instant.now());
		}
	}

	@Test
	void anUnfinishedOrFailedTaskHasNoDownloadLink() {
		MutableClock clock = new MutableClock(NOON);
		SimulatorSettings settings = SimulatorSettings.defaults()
			.withLatency(Duration.ofSeconds(10), Duration.ofSeconds(10))
			.withGenerationFailureRate(1);
		try (FluxSimulator simulator = FluxSimulator.start(settings, clock)) {
			SimulatorClient client = new SimulatorClient(simulator);
			String taskId = client.submit(seedBody(PRO, "a red fox"));

			HttpResponse<String> running = client.downloadLink(taskId);
			clock.advance(Duration.ofSeconds(10));
			HttpResponse<String> failed = client.downloadLink(taskId);

			assertThat(running.statusCode()).isEqualTo(409);
			assertThat(errorCode(running)).isEqualTo("NO_RESULT");
			assertThat(failed.statusCode()).isEqualTo(409);
			assertThat(errorCode(failed)).isEqualTo("NO_RESULT");
		}
	}

	private static String status(SimulatorClient client, String taskId) {
		return json(client.poll(taskId)).get("status").stringValue();
	}

}
