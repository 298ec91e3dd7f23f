package io.fluxbatch.simulator;

import java.net.http.HttpResponse;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static io.fluxbatch.simulator.SimulatorClient.errorCode;
import static io.fluxbatch.simulator.SimulatorClient.inputBody;
import static io.fluxbatch.simulator.SimulatorClient.json;
import static io.fluxbatch.simulator.SimulatorClient.seedBody;
import static org.assertj.core.api.Assertions.assertThat;

class FluxSimulatorSubmitTest {

	private static final String PRO = "flux-2/pro-text-to-image";

	@Test
	void seedShapeAnswersATaskIdThatIsPending() {
		try (FluxSimulator simulator = FluxSimulator.start(SimulatorSettings.defaults())) {
			HttpResponse<String> response = new SimulatorClient(simulator).generate(seedBody(PRO, "a red fox"));

			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
			JsonNode body = json(response);
			assertThat(body.get("taskId").stringValue()).startsWith("task_");
			assertThat(body.get("status").stringValue()).isEqualTo("pending");
			assertThat(body.get("model").stringValue()).isEqualTo(PRO);
			assertThat(body.get("createdAt").stringValue()).endsWith("Z");
			assertThat(body.has("success")).isFalse();
		}
	}

	@Test
	void envelopeShapeReportsCreditsUsedAndRemaining() {
		SimulatorSettings settings = SimulatorSettings.defaults().withShape(ResponseShape.ENVELOPE).withCredits(500);
		try (FluxSimulator simulator = FluxSimulator.start(settings)) {
			HttpResponse<String> response = new SimulatorClient(simulator)
				.generate(inputBody("flux-2-flex-text-to-image", "a red fox", "2K", "16:9"));

			assertThat(response.statusCode()).isEqualTo(200);
			JsonNode body = json(response);
			assertThat(body.get("success").booleanValue()).isTrue();
			JsonNode data = body.get("data");
			assertThat(data.get("id").stringValue()).startsWith("task_");
			assertThat(data.get("status").stringValue()).isEqualTo("pending");
			assertThat(data.get("model").stringValue()).isEqualTo("flux-2-flex-text-to-image");
			assertThat(data.get("creditsUsed").intValue()).isEqualTo(75);
			assertThat(data.get("creditsRemaining").longValue()).isEqualTo(425);
			assertThat(data.get("createdAt").stringValue()).endsWith("Z");
		}
	}

	@Test
	void bothRequestDialectsAreAcceptedAndRecorded() {
		try (FluxSimulator simulator = FluxSimulator.start(SimulatorSettings.defaults())) {
			SimulatorClient client = new SimulatorClient(simulator);
			String seedTask = client.submit(seedBody(PRO, "seed dialect prompt", "2K", "3:2"));
			String newerTask = client.submit(inputBody("flux-2-pro-image-to-image", "newer dialect prompt", "1K",
					"9:16", "https://example.com/a.png", "https://example.com/b.png"));
			String defaultedTask = client.submit("{\"model\": \"flux-2/flex-text-to-image\", \"prompt\": \"bare\"}");

			assertThat(simulator.generations()).extracting(ReceivedGeneration::taskId)
				.containsExactly(seedTask, newerTask, defaultedTask);
			ReceivedGeneration seed = simulator.generations().get(0);
			assertThat(seed.model()).isEqualTo(PRO);
			assertThat(seed.prompt()).isEqualTo("seed dialect prompt");
			assertThat(seed.resolution()).isEqualTo("2K");
			assertThat(seed.aspectRatio()).isEqualTo("3:2");
			assertThat(seed.inputUrls()).isEmpty();
			assertThat(seed.rawBody()).contains("\"options\"");
			ReceivedGeneration newer = simulator.generations().get(1);
			assertThat(newer.model()).isEqualTo("flux-2-pro-image-to-image");
			assertThat(newer.prompt()).isEqualTo("newer dialect prompt");
			assertThat(newer.aspectRatio()).isEqualTo("9:16");
			assertThat(newer.inputUrls()).containsExactly("https://example.com/a.png", "https://example.com/b.png");
			ReceivedGeneration defaulted = simulator.generations().get(2);
			assertThat(defaulted.resolution()).isEqualTo("1K");
			assertThat(defaulted.aspectRatio()).isEqualTo("1:1");
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidRequests")
	void invalidRequestsAreRejectedWithTheirCode(String expectedCode, String body) {
		try (FluxSimulator simulator = FluxSimulator.start(SimulatorSettings.defaults())) {
			HttpResponse<String> response = new SimulatorClient(simulator).generate(body);

			assertThat(response.statusCode()).isEqualTo(400);
			JsonNode json = json(response);
			assertThat(json.get("success").booleanValue()).isFalse();
			assertThat(json.get("error").get("code").stringValue()).isEqualTo(expectedCode);
			assertThat(json.get("error").get("message").stringValue()).isNotBlank();
			assertThat(simulator.counters().tasksCreated()).isZero();
			assertThat(simulator.counters().creditsBalance()).isEqualTo(1_000_000);
		}
	}

	static Stream<Arguments> invalidRequests() {
		String[] nineUrls = new String[9];
		for (int i = 0; i < nineUrls.length; i++) {
			nineUrls[i] = "https://example.com/" + i + ".png";
		}
		return Stream.of(Arguments.of("INVALID_MODEL", seedBody("flux-1/pro-text-to-image", "a red fox")),
				Arguments.of("INVALID_MODEL", "{\"prompt\": \"a red fox\"}"),
				Arguments.of("INVALID_PROMPT", seedBody(PRO, "ab")),
				Arguments.of("INVALID_PROMPT", seedBody(PRO, "x".repeat(5001))),
				Arguments.of("INVALID_PROMPT", "{\"model\": \"" + PRO + "\"}"),
				Arguments.of("INVALID_RESOLUTION", seedBody(PRO, "a red fox", "4K", "1:1")),
				Arguments.of("INVALID_ASPECT_RATIO", seedBody(PRO, "a red fox", "1K", "5:4")),
				Arguments.of("MISSING_INPUT_IMAGES", inputBody("flux-2-pro-image-to-image", "a red fox", "1K", "1:1")),
				Arguments.of("TOO_MANY_INPUT_IMAGES",
						inputBody("flux-2-flex-image-to-image", "a red fox", "1K", "1:1", nineUrls)),
				Arguments.of("INVALID_INPUT",
						inputBody("flux-2-pro-text-to-image", "a red fox", "1K", "1:1", "https://example.com/a.png")),
				Arguments.of("INVALID_INPUT", "not json"));
	}

	@Test
	void promptLengthIsCountedInCodePoints() {
		try (FluxSimulator simulator = FluxSimulator.start(SimulatorSettings.defaults())) {
			SimulatorClient client = new SimulatorClient(simulator);
			// Three emoji are six UTF-16 chars but three code points.
			String threeEmoji = "\uD83E\uDD8A\uD83E\uDD8A\uD83E\uDD8A";
			String twoEmoji = "\uD83E\uDD8A\uD83E\uDD8A";

			assertThat(client.generate(seedBody(PRO, threeEmoji)).statusCode()).isEqualTo(200);
			assertThat(errorCode(client.generate(seedBody(PRO, twoEmoji)))).isEqualTo("INVALID_PROMPT");
			assertThat(client.generate(seedBody(PRO, "\uD83E\uDD8A".repeat(5000))).statusCode()).isEqualTo(200);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "flux-2/pro-text-to-image", "flux-2-pro-text-to-image", "flux-2/flex-text-to-image",
			"flux-2-flex-text-to-image" })
	void bothModelSpellingsAreKnown(String model) {
		try (FluxSimulator simulator = FluxSimulator.start(SimulatorSettings.defaults())) {
			assertThat(new SimulatorClient(simulator).generate(seedBody(model, "a red fox")).statusCode())
				.isEqualTo(200);
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badAuthorizations")
	void badAuthorizationIsRejectedWithItsCode(String expectedCode, String authorization) {
		SimulatorSettings settings = SimulatorSettings.defaults().withAcceptedKey(SimulatorClient.KEY);
		try (FluxSimulator simulator = FluxSimulator.start(settings)) {
			HttpResponse<String> response = new SimulatorClient(simulator).generate(seedBody(PRO, "a red fox"),
					authorization);

			assertThat(response.statusCode()).isEqualTo(401);
			assertThat(errorCode(response)).isEqualTo(expectedCode);
			assertThat(simulator.counters().tasksCreated()).isZero();
		}
	}

	static Stream<Arguments> badAuthorizations() {
		return Stream.of(Arguments.of("MISSING_AUTH_HEADER", null),
				Arguments.of("INVALID_AUTH_FORMAT", "Basic " + SimulatorClient.KEY),
				Arguments.of("INVALID_KEY_FORMAT", "Bearer pk-not-a-secret-key"),
				Arguments.of("INVALID_API_KEY", "Bearer sk-some-other-key"));
	}

	@Test
	void anySkKeyIsAcceptedWhenNoKeyIsConfigured() {
		try (FluxSimulator simulator = FluxSimulator.start(SimulatorSettings.defaults())) {
			HttpResponse<String> response = new SimulatorClient(simulator).generate(seedBody(PRO, "a red fox"),
					"Bearer sk-whatever");

			assertThat(response.statusCode()).isEqualTo(200);
		}
	}

	@Test
	void tooLowABalanceIsRefusedUntilTheAccountIsToppedUp() {
		SimulatorSettings settings = SimulatorSettings.defaults().withCredits(10);
		try (FluxSimulator simulator = FluxSimulator.start(settings)) {
			SimulatorClient client = new SimulatorClient(simulator);

			HttpResponse<String> refused = client.generate(seedBody(PRO, "a red fox"));
			assertThat(refused.statusCode()).isEqualTo(402);
			assertThat(errorCode(refused)).isEqualTo("INSUFFICIENT_CREDITS");
			assertThat(json(refused).get("error").get("message").stringValue())
				.isEqualTo("Insufficient credits: 10 remaining, 15 required. Top up your account.");

			simulator.addCredits(5);
			assertThat(client.generate(seedBody(PRO, "a red fox")).statusCode()).isEqualTo(200);
			assertThat(simulator.counters().creditsBalance()).isZero();
			assertThat(simulator.counters().creditsCharged()).isEqualTo(15);
			assertThat(client.generate(seedBody(PRO, "a red fox")).statusCode()).isEqualTo(402);

			simulator.setCredits(100);
			assertThat(client.generate(seedBody(PRO, "a red fox")).statusCode()).isEqualTo(200);
			assertThat(simulator.counters().creditsBalance()).isEqualTo(85);
		}
	}

	@Test
	void eachModelAndResolutionHasItsPrice() {
		try (FluxSimulator simulator = FluxSimulator.start(SimulatorSettings.defaults().withCredits(155))) {
			SimulatorClient client = new SimulatorClient(simulator);
			client.submit(seedBody(PRO, "a red fox", "1K", "1:1"));
			client.submit(seedBody(PRO, "a red fox", "2K", "1:1"));
			client.submit(seedBody("flux-2/flex-text-to-image", "a red fox", "1K", "1:1"));
			client.submit(seedBody("flux-2/flex-text-to-image", "a red fox", "2K", "1:1"));

			assertThat(simulator.counters().creditsCharged()).isEqualTo(15 + 20 + 45 + 75);
			assertThat(simulator.counters().creditsBalance()).isZero();
		}
	}

	@Test
	void failedGenerationsAreRefunded() {
		SimulatorSettings settings = SimulatorSettings.defaults().withCredits(100).withGenerationFailureRate(1);
		try (FluxSimulator simulator = FluxSimulator.start(settings)) {
			SimulatorClient client = new SimulatorClient(simulator);
			client.submit(seedBody(PRO, "a red fox"));
			client.submit(seedBody(PRO, "a grey wolf"));

			SimulatorCounters counters = simulator.counters();
			assertThat(counters.tasksCreated()).isEqualTo(2);
			assertThat(counters.generationsFailed()).isEqualTo(2);
			assertThat(counters.creditsCharged()).isZero();
			assertThat(counters.creditsBalance()).isEqualTo(100);
		}
	}

}
