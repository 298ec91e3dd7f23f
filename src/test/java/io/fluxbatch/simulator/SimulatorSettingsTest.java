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
	}

}
