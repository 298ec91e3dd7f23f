package io.fluxbatch.simulator;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static io.fluxbatch.simulator.SimulatorClient.errorCode;
import static io.fluxbatch.simulator.SimulatorClient.json;
import static io.fluxbatch.simulator.SimulatorClient.seedBody;
import static org.assertj.core.api.Assertions.assertThat;

class FluxSimulatorRateLimitTest {

	private static final String PRO = "flux-2/pro-text-to-image";

	private static final Instant NOON = Instant.parse("2026-03-01T12:00:00.250Z");

	@Test
	void requestsBeyondThePerSecondLimitAreAskedToRetryAfterASecond() {
		try (FluxSimulator simulator = FluxSimulator.start(SimulatorSettings.defaults().withRequestsPerSecond(1))) {
			SimulatorClient client = new SimulatorClient(simulator);
			List<HttpResponse<String>> responses = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				responses.add(client.generate(seedBody(PRO, "a red fox")));
			}

			List<HttpResponse<String>> limited = responses.stream().filter((r) -> r.statusCode() == 429).toList();
			assertThat(limited).isNotEmpty();
			assertThat(limited).allSatisfy((response) -> {
				assertThat(errorCode(response)).isEqualTo("RATE_LIMITED");
				assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
			});
			SimulatorCounters counters = simulator.counters();
			assertThat(counters.rateLimited()).isEqualTo(limited.size());
			assertThat(counters.tasksCreated()).isEqualTo(3 - limited.size());
		}
	}

	@Test
	void thePerSecondLimitRenewsWithTheNextSecond() {
		MutableClock clock = new MutableClock(NOON);
		SimulatorSettings settings = SimulatorSettings.defaults().withRequestsPerSecond(2);
		try (FluxSimulator simulator = FluxSimulator.start(settings, clock)) {
			SimulatorClient client = new SimulatorClient(simulator);

			assertThat(client.generate(seedBody(PRO, "a red fox")).statusCode()).isEqualTo(200);
			assertThat(client.poll("task_nope").statusCode()).isEqualTo(404);
			assertThat(client.generate(seedBody(PRO, "a red fox")).statusCode()).isEqualTo(429);
			clock.advance(Duration.ofMillis(750));
			assertThat(client.generate(seedBody(PRO, "a red fox")).statusCode()).isEqualTo(200);
			assertThat(simulator.counters().rateLimited()).isEqualTo(1);
		}
	}

	@Test
	void theDailyQuotaRunsOutWithoutRetryAfterAndRenewsAtMidnight() {
		MutableClock clock = new MutableClock(NOON);
		SimulatorSettings settings = SimulatorSettings.defaults().withDailyQuota(3);
		try (FluxSimulator simulator = FluxSimulator.start(settings, clock)) {
			SimulatorClient client = new SimulatorClient(simulator);
			for (int i = 0; i < 3; i++) {
				HttpResponse<String> response = client.generate(seedBody(PRO, "a red fox"));
				assertThat(response.statusCode()).isEqualTo(200);
				assertThat(response.headers().firstValue("X-RateLimit-Limit")).hasValue("3");
				assertThat(response.headers().firstValue("X-RateLimit-Remaining")).hasValue(String.valueOf(2 - i));
				assertThat(response.headers().firstValue("X-RateLimit-Reset")).hasValue("2026-03-02T00:00:00Z");
			}

			HttpResponse<String> exhausted = client.generate(seedBody(PRO, "a red fox"));

			assertThat(exhausted.statusCode()).isEqualTo(429);
			assertThat(errorCode(exhausted)).isEqualTo("RATE_LIMITED");
			assertThat(json(exhausted).get("error").get("message").stringValue())
				.isEqualTo("Daily limit of 3 requests reached; resets at 2026-03-02T00:00:00Z");
			assertThat(exhausted.headers().firstValue("Retry-After")).isEmpty();
			assertThat(exhausted.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
			assertThat(simulator.counters().tasksCreated()).isEqualTo(3);

			clock.advance(Duration.ofHours(12));
			HttpResponse<String> nextDay = client.generate(seedBody(PRO, "a red fox"));
			assertThat(nextDay.statusCode()).isEqualTo(200);
			assertThat(nextDay.headers().firstValue("X-RateLimit-Remaining")).hasValue("2");
			assertThat(nextDay.headers().firstValue("X-RateLimit-Reset")).hasValue("2026-03-03T00:00:00Z");
		}
	}

	@Test
	void withoutADailyQuotaOnlyTheResetIsReported() {
		try (FluxSimulator simulator = FluxSimulator.start(SimulatorSettings.defaults())) {
			HttpResponse<String> response = new SimulatorClient(simulator).poll("task_nope");

			assertThat(response.headers().firstValue("X-RateLimit-Limit")).isEmpty();
			assertThat(response.headers().firstValue("X-RateLimit-Remaining")).isEmpty();
			assertThat(response.headers().firstValue("X-RateLimit-Reset")).isPresent();
		}
	}

	@Test
	void rejectedAuthenticationDoesNotUseTheQuotaButStillReportsIt() {
		MutableClock clock = new MutableClock(NOON);
		SimulatorSettings settings = SimulatorSettings.defaults().withDailyQuota(5);
		try (FluxSimulator simulator = FluxSimulator.start(settings, clock)) {
			SimulatorClient client = new SimulatorClient(simulator);

			HttpResponse<String> unauthorized = client.generate(seedBody(PRO, "a red fox"), null);
			HttpResponse<String> accepted = client.generate(seedBody(PRO, "a red fox"));

			assertThat(unauthorized.statusCode()).isEqualTo(401);
			assertThat(unauthorized.headers().firstValue("X-RateLimit-Remaining")).hasValue("5");
			assertThat(accepted.headers().firstValue("X-RateLimit-Remaining")).hasValue("4");
		}
	}

}
