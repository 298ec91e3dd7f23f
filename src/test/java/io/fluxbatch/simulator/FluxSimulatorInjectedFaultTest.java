package io.fluxbatch.simulator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import static io.fluxbatch.simulator.SimulatorClient.RESET;
import static io.fluxbatch.simulator.SimulatorClient.cdnErrorCode;
import static io.fluxbatch.simulator.SimulatorClient.errorCode;
import static io.fluxbatch.simulator.SimulatorClient.json;
import static io.fluxbatch.simulator.SimulatorClient.seedBody;
import static org.assertj.core.api.Assertions.assertThat;

class FluxSimulatorInjectedFaultTest {

	private static final String PRO = "flux-2/pro-text-to-image";

	private static final Instant NOON = Instant.parse("2026-03-01T12:00:00Z");

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

	@Test
	void aLostAnswerStillCreatesTheTaskWhichIsChargedWhenItCompletes() {
		MutableClock clock = new MutableClock(NOON);
		SimulatorSettings settings = SimulatorSettings.defaults()
			.withLatency(Duration.ofSeconds(10), Duration.ofSeconds(10))
			.withCredits(1_000)
			.withLostResponseRate(1);
		try (FluxSimulator simulator = FluxSimulator.start(settings, clock)) {
			SimulatorClient client = new SimulatorClient(simulator);
			List<Integer> outcomes = new ArrayList<>();
			for (int i = 0; i < 10; i++) {
				outcomes.add(client.generateStatusOrReset(seedBody(PRO, "a red fox " + i)));
			}

			assertThat(outcomes).containsOnly(500, RESET).contains(500, RESET);
			assertThat(simulator.tasks()).hasSize(10).allSatisfy((task) -> {
				assertThat(task.responseLost()).isTrue();
				assertThat(task.state()).isEqualTo(TaskState.PENDING);
				assertThat(task.creditsCharged()).isZero();
			});
			SimulatorCounters counters = simulator.counters();
			assertThat(counters.lostResponses()).isEqualTo(10);
			assertThat(counters.tasksCreated()).isEqualTo(10);
			assertThat(counters.serverErrors()).isEqualTo(outcomes.stream().filter((o) -> o == 500).count());
			assertThat(counters.droppedConnections()).isEqualTo(outcomes.stream().filter((o) -> o == RESET).count());
			assertThat(counters.creditsBalance()).isEqualTo(1_000 - 10 * 15);
			assertThat(counters.creditsCharged()).isZero();

			clock.advance(Duration.ofSeconds(10));

			assertThat(simulator.tasks()).allSatisfy((task) -> {
				assertThat(task.state()).isEqualTo(TaskState.COMPLETED);
				assertThat(task.creditsCharged()).isEqualTo(15);
			});
			assertThat(simulator.counters().creditsCharged()).isEqualTo(10 * 15);
		}
	}

	@Test
	void aLostAnswerIsOnlyForAcceptedGenerations() {
		SimulatorSettings settings = SimulatorSettings.defaults().withCredits(0).withLostResponseRate(1);
		try (FluxSimulator simulator = FluxSimulator.start(settings)) {
			SimulatorClient client = new SimulatorClient(simulator);

			assertThat(client.generate(seedBody(PRO, "a red fox")).statusCode()).isEqualTo(402);
			assertThat(client.generate(seedBody(PRO, "no")).statusCode()).isEqualTo(400);
			assertThat(client.poll("task_nope").statusCode()).isEqualTo(404);
			assertThat(simulator.counters().lostResponses()).isZero();
			assertThat(simulator.tasks()).isEmpty();
		}
	}

	@Test
	void aSlowAnswerStillArrivesAfterTheWorkIsDone() {
		SimulatorSettings settings = SimulatorSettings.defaults()
			.withSlowResponseRate(1)
			.withSlowResponseDelay(Duration.ofMillis(200));
		try (FluxSimulator simulator = FluxSimulator.start(settings)) {
			SimulatorClient client = new SimulatorClient(simulator);

			String taskId = client.submit(seedBody(PRO, "a red fox"));
			HttpResponse<String> poll = client.poll(taskId);

			assertThat(poll.statusCode()).isEqualTo(200);
			assertThat(json(poll).get("status").stringValue()).isEqualTo("completed");
			SimulatorCounters counters = simulator.counters();
			assertThat(counters.slowResponses()).isEqualTo(2);
			assertThat(counters.tasksCreated()).isEqualTo(1);
		}
	}

	@Test
	void aTruncatedImageIsACompleteResponseThatDoesNotDecode() {
		SimulatorSettings settings = SimulatorSettings.defaults().withTruncatedImageRate(1);
		try (FluxSimulator simulator = FluxSimulator.start(settings)) {
			SimulatorClient client = new SimulatorClient(simulator);
			String taskId = client.submit(seedBody(PRO, "a red fox"));
			String url = json(client.poll(taskId)).get("output").get("url").stringValue();

			HttpResponse<byte[]> image = client.cdn(url);

			assertThat(image.statusCode()).isEqualTo(200);
			assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
			assertThat(image.body()).startsWith(PNG_SIGNATURE);
			assertThat(decodes(image.body())).isFalse();
			assertThat(simulator.counters().truncatedImages()).isEqualTo(1);
		}
	}

	@Test
	void anExpiredResultUrlIsRefusedButAFreshDownloadLinkWorks() throws IOException {
		SimulatorSettings settings = SimulatorSettings.defaults().withTinyImages(true).withExpiredUrlRate(1);
		try (FluxSimulator simulator = FluxSimulator.start(settings)) {
			SimulatorClient client = new SimulatorClient(simulator);
			String taskId = client.submit(seedBody(PRO, "a red fox"));
			String resultUrl = json(client.poll(taskId)).get("output").get("url").stringValue();

			HttpResponse<byte[]> expired = client.cdn(resultUrl);
			HttpResponse<byte[]> forged = client.cdn(resultUrl + "?token=forged");
			String freshUrl = json(client.downloadLink(taskId)).get("data").get("url").stringValue();
			HttpResponse<byte[]> fresh = client.cdn(freshUrl);

			assertThat(expired.statusCode()).isEqualTo(403);
			assertThat(cdnErrorCode(expired)).isEqualTo("URL_EXPIRED");
			assertThat(forged.statusCode()).isEqualTo(403);
			assertThat(freshUrl).startsWith(resultUrl + "?token=");
			assertThat(fresh.statusCode()).isEqualTo(200);
			assertThat(ImageIO.read(new ByteArrayInputStream(fresh.body())).getWidth()).isEqualTo(8);
			assertThat(simulator.counters().expiredUrls()).isEqualTo(2);
			assertThat(simulator.tasks()).singleElement().satisfies((task) -> {
				assertThat(task.resultUrlExpired()).isTrue();
				assertThat(task.responseLost()).isFalse();
			});
		}
	}

	@Test
	void aBurst429AsksToRetryAfterTheConfiguredSecondsBeforeAnyWork() {
		SimulatorSettings settings = SimulatorSettings.defaults()
			.withDailyQuota(10)
			.withBurstRateLimitRate(1)
			.withBurstRetryAfter(Duration.ZERO);
		try (FluxSimulator simulator = FluxSimulator.start(settings)) {
			SimulatorClient client = new SimulatorClient(simulator);

			HttpResponse<String> response = client.generate(seedBody(PRO, "a red fox"));

			assertThat(response.statusCode()).isEqualTo(429);
			assertThat(errorCode(response)).isEqualTo("RATE_LIMITED");
			assertThat(response.headers().firstValue("Retry-After")).hasValue("0");
			assertThat(response.headers().firstValue("X-RateLimit-Remaining")).hasValue("10");
			SimulatorCounters counters = simulator.counters();
			assertThat(counters.burstRateLimited()).isEqualTo(1);
			assertThat(counters.rateLimited()).isEqualTo(1);
			assertThat(counters.tasksCreated()).isZero();
			assertThat(counters.creditsBalance()).isEqualTo(1_000_000);
		}
	}

	@Test
	void aBurst429AsksToRetryAfterASecondByDefault() {
		try (FluxSimulator simulator = FluxSimulator.start(SimulatorSettings.defaults().withBurstRateLimitRate(1))) {
			HttpResponse<String> response = new SimulatorClient(simulator).poll("task_nope");

			assertThat(response.statusCode()).isEqualTo(429);
			assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
		}
	}

	@Test
	void faultsBeforeTheWorkComeInTheirFixedOrder() {
		try (FluxSimulator simulator = FluxSimulator
			.start(SimulatorSettings.defaults().withServerErrorRate(1).withBurstRateLimitRate(1))) {
			HttpResponse<String> response = new SimulatorClient(simulator).poll("task_nope");

			assertThat(response.statusCode()).isIn(500, 503);
			assertThat(simulator.counters().burstRateLimited()).isZero();
		}
	}

	@Test
	void theSameSeedGivesTheSameChaos() {
		SimulatorSettings settings = SimulatorSettings.defaults()
			.withTinyImages(true)
			.withChaos(0.3)
			.withSlowResponseDelay(Duration.ZERO)
			.withBurstRetryAfter(Duration.ZERO)
			.withRandomSeed(11);

		List<Integer> first = chaosOutcomes(settings);

		assertThat(first).isEqualTo(chaosOutcomes(settings)).contains(200, 429, RESET).containsAnyOf(500, 503);
	}

	private static List<Integer> chaosOutcomes(SimulatorSettings settings) {
		try (FluxSimulator simulator = FluxSimulator.start(settings)) {
			SimulatorClient client = new SimulatorClient(simulator);
			List<Integer> outcomes = new ArrayList<>();
			for (int i = 0; i < 40; i++) {
				outcomes.add(client.generateStatusOrReset(seedBody(PRO, "prompt " + i)));
			}
			return outcomes;
		}
	}

	private static boolean decodes(byte[] image) {
		try {
			return ImageIO.read(new ByteArrayInputStream(image)) != null;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
