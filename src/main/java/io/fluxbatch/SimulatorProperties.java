package io.fluxbatch;

import java.time.Duration;

import io.fluxbatch.simulator.ResponseShape;
import io.fluxbatch.simulator.SimulatorSettings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded simulator that {@code run --simulate} talks to instead of the paid API
 * ({@code flux.simulator.*}).
 *
 * @param enabled whether to start it and point the client at it
 * @param shape which documented response shape it answers with
 * @param proLatency how long a Pro image takes
 * @param flexLatency how long a Flex image takes
 * @param latencyJitter the spread of those times, as a fraction
 * @param credits the simulated account's balance
 * @param requestsPerSecond its per-second limit (0: none)
 * @param dailyQuota its daily request quota (0: none)
 * @param generationFailureRate the share of generations that fail
 */
@ConfigurationProperties("flux.simulator")
public record SimulatorProperties(@DefaultValue("false") boolean enabled, @DefaultValue("SEED") ResponseShape shape,
		@DefaultValue("1500ms") Duration proLatency, @DefaultValue("3s") Duration flexLatency,
		@DefaultValue("0.3") double latencyJitter, @DefaultValue("100000") long credits,
		@DefaultValue("20") int requestsPerSecond, @DefaultValue("0") long dailyQuota,
		@DefaultValue("0") double generationFailureRate) {

	SimulatorSettings settings() {
		SimulatorSettings defaults = SimulatorSettings.defaults();
		return new SimulatorSettings(this.shape, this.proLatency, this.flexLatency, this.latencyJitter, this.credits,
				this.requestsPerSecond, this.dailyQuota, null, 0, 0, this.generationFailureRate, 0,
				defaults.tinyImages(), defaults.randomSeed());
	}

}
