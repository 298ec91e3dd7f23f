package io.fluxbatch.simulator;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static io.fluxbatch.simulator.SimulatorClient.errorCode;
import static io.fluxbatch.simulator.SimulatorClient.seedBody;
import static org.assertj.core.api.Assertions.assertThat;

class FluxSimulatorConcurrencyCapTest {

	private static final String PRO = "flux-2/pro-text-to-image";

	private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));

	@Test
	void aKeyWithTooManyUnfinishedTasksIsRefusedUntilOneFinishes() {
		SimulatorSettings settings = SimulatorSettings.defaults()
			.withLatency(Duration.ofSeconds(3), Duration.ofSeconds(3))
			.withMaxUnfinishedTasks(2);
		try (FluxSimulator simulator = FluxSimulator.start(settings, this.clock)) {
			SimulatorClient client = new SimulatorClient(simulator);
			assertThat(client.generate(seedBody(PRO, "a red fox")).statusCode()).isEqualTo(200);
			this.clock.advance(Duration.ofSeconds(1));
			assertThat(client.generate(seedBody(PRO, "a red fox")).statusCode()).isEqualTo(200);

			HttpResponse<String> refused = client.generate(seedBody(PRO, "a red fox"));
			this.clock.advance(Duration.ofSeconds(2));
			HttpResponse<String> afterTheFirstFinished = client.generate(seedBody(PRO, "a red fox"));
			HttpResponse<String> stillFull = client.generate(seedBody(PRO, "a red fox"));

			assertThat(refused.statusCode()).isEqualTo(429);
			assertThat(errorCode(refused)).isEqualTo("CONCURRENCY_LIMIT");
			assertThat(refused.headers().firstValue("Retry-After")).isEmpty();
			assertThat(afterTheFirstFinished.statusCode()).isEqualTo(200);
			assertThat(stillFull.statusCode()).isEqualTo(429);
			SimulatorCounters counters = simulator.counters();
			assertThat(counters.tasksCreated()).isEqualTo(3);
			assertThat(counters.concurrencyLimited()).isEqualTo(2);
			assertThat(counters.rateLimited()).isEqualTo(2);
		}
	}

	@Test
	void eachKeyHasSlotsOfItsOwn() {
		SimulatorSettings settings = SimulatorSettings.defaults()
			.withLatency(Duration.ofSeconds(3), Duration.ofSeconds(3))
			.withMaxUnfinishedTasks(1);
		try (FluxSimulator simulator = FluxSimulator.start(settings, this.clock)) {
			SimulatorClient client = new SimulatorClient(simulator);

			assertThat(client.generate(seedBody(PRO, "a red fox"), "Bearer sk-first").statusCode()).isEqualTo(200);
			assertThat(client.generate(seedBody(PRO, "a red fox"), "Bearer sk-second").statusCode()).isEqualTo(200);
			assertThat(client.generate(seedBody(PRO, "a red fox"), "Bearer sk-first").statusCode()).isEqualTo(429);
		}
	}

	@Test
	void withoutACapAnyNumberOfTasksMayRun() {
		SimulatorSettings settings = SimulatorSettings.defaults()
			.withLatency(Duration.ofSeconds(3), Duration.ofSeconds(3));
		try (FluxSimulator simulator = FluxSimulator.start(settings, this.clock)) {
			SimulatorClient client = new SimulatorClient(simulator);
			for (int i = 0; i < 30; i++) {
				assertThat(client.generate(seedBody(PRO, "a red fox")).statusCode()).isEqualTo(200);
			}
			assertThat(simulator.counters().concurrencyLimited()).isZero();
		}
	}

}
