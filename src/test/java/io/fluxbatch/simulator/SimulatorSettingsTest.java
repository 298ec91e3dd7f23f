package io.fluxbatch.simulator;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SimulatorSettingsTest {

	@Test
	void defaultsAreQuickAndWellBehaved() {
		SimulatorSettings defaults = SimulatorSettings.defaults();

		assertThat(defaults.shape()).isEqualTo(ResponseShape.SEED);
		assertThat(defaults.proLatency()).isZero();
		assertThat(defaults.flexLatency()).isZero();
		assertThat(defaults.startingCredits()).isEqualTo(1_000_000);
		assertThat(defaults.requestsPerSecond()).isZero();
		assertThat(defaults.dailyQuota()).isZero();
		assertThat(defaults.acceptedKey()).isNull();
		assertThat(defaults.serverErrorRate() + defaults.droppedConnectionRate() + defaults.generationFailureRate()
				+ defaults.cdnErrorRate())
			.isZero();
		assertThat(defaults.tinyImages()).isFalse();
		assertThat(defaults.randomSeed()).isEqualTo(42);
		assertThat(defaults.injectedFaults()).isEqualTo(InjectedFaults.none());
		assertThat(defaults.injectedFaults().slowResponseDelay()).isEqualTo(Duration.ofSeconds(2));
		assertThat(defaults.injectedFaults().burstRetryAfter()).isEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void theSettingsOfBeforeInjectedFaultsHaveNone() {
		SimulatorSettings settings = new SimulatorSettings(ResponseShape.ENVELOPE, Duration.ZERO, Duration.ZERO, 0, 10,
				0, 0, null, 0.1, 0, 0, 0, true, 7);

		assertThat(settings.injectedFaults()).isEqualTo(InjectedFaults.none());
		assertThat(settings.serverErrorRate()).isEqualTo(0.1);
	}

	@Test
	void chaosSetsEveryFaultRateButLeavesCreditsQuotaAndTimings() {
		SimulatorSettings settings = SimulatorSettings.defaults()
			.withCredits(500)
			.withDailyQuota(100)
			.withSlowResponseDelay(Duration.ofMillis(300))
			.withBurstRetryAfter(Duration.ZERO)
			.withChaos(0.25);

		assertThat(settings.serverErrorRate()).isEqualTo(0.25);
		assertThat(settings.droppedConnectionRate()).isEqualTo(0.25);
		assertThat(settings.generationFailureRate()).isEqualTo(0.25);
		assertThat(settings.cdnErrorRate()).isEqualTo(0.25);
		InjectedFaults faults = settings.injectedFaults();
		assertThat(faults.lostResponseRate()).isEqualTo(0.25);
		assertThat(faults.slowResponseRate()).isEqualTo(0.25);
		assertThat(faults.truncatedImageRate()).isEqualTo(0.25);
		assertThat(faults.expiredUrlRate()).isEqualTo(0.25);
		assertThat(faults.burstRateLimitRate()).isEqualTo(0.25);
		assertThat(faults.slowResponseDelay()).isEqualTo(Duration.ofMillis(300));
		assertThat(faults.burstRetryAfter()).isZero();
		assertThat(settings.startingCredits()).isEqualTo(500);
		assertThat(settings.dailyQuota()).isEqualTo(100);
	}

	@Test
	void eachInjectedFaultHasItsOwnWither() {
		InjectedFaults faults = SimulatorSettings.defaults()
			.withLostResponseRate(0.1)
			.withSlowResponseRate(0.2)
			.withTruncatedImageRate(0.3)
			.withExpiredUrlRate(0.4)
			.withBurstRateLimitRate(0.5)
			.withSlowResponseDelay(Duration.ofSeconds(3))
			.withBurstRetryAfter(Duration.ofSeconds(4))
			.injectedFaults();

		assertThat(faults)
			.isEqualTo(new InjectedFaults(0.1, 0.2, Duration.ofSeconds(3), 0.3, 0.4, 0.5, Duration.ofSeconds(4)));
	}

	@Test
	void withersChangeOnlyTheirField() {
		SimulatorSettings settings = SimulatorSettings.defaults()
			.withLatency(Duration.ofSeconds(1), Duration.ofSeconds(2))
			.withFaults(0.1, 0.2, 0.3, 0.4);

		assertThat(settings.proLatency()).isEqualTo(Duration.ofSeconds(1));
		assertThat(settings.flexLatency()).isEqualTo(Duration.ofSeconds(2));
		assertThat(settings.serverErrorRate()).isEqualTo(0.1);
		assertThat(settings.droppedConnectionRate()).isEqualTo(0.2);
		assertThat(settings.generationFailureRate()).isEqualTo(0.3);
		assertThat(settings.cdnErrorRate()).isEqualTo(0.4);
		assertThat(settings.startingCredits()).isEqualTo(1_000_000);
	}

	@Test
	void ratesOutsideZeroToOneAreRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SimulatorSettings.defaults().withGenerationFailureRate(1.5));
		assertThatIllegalArgumentException().isThrownBy(() -> SimulatorSettings.defaults().withCdnErrorRate(-0.1));
		assertThatIllegalArgumentException().isThrownBy(() -> SimulatorSettings.defaults().withLostResponseRate(2));
		assertThatIllegalArgumentException().isThrownBy(() -> SimulatorSettings.defaults().withChaos(1.01));
	}

	@Test
	void delaysMustBeUsable() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SimulatorSettings.defaults().withSlowResponseDelay(Duration.ofMillis(-1)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SimulatorSettings.defaults().withBurstRetryAfter(Duration.ofMillis(1500)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SimulatorSettings.defaults().withBurstRetryAfter(Duration.ofSeconds(-1)));
	}

}
