package io.fluxbatch.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * How the simulated FLUX.2 API behaves: response shape, latency, credits, limits and
 * injected faults, so one simulator serves quick tests, benchmarks and chaos runs.
 *
 * @param shape the JSON shape of submit and poll responses
 * @param proLatency time a Pro task takes to finish, zero for at once
 * @param flexLatency time a Flex task takes to finish, zero for at once
 * @param latencyJitter fraction (0..1) by which each task's latency varies, uniformly
 * either way
 * @param startingCredits the account balance at start
 * @param requestsPerSecond API requests allowed per wall-clock second, 0 for unlimited
 * @param dailyQuota API requests allowed per UTC day, 0 for unlimited
 * @param acceptedKey the only API key accepted, or {@code null} to accept any {@code sk-}
 * key
 * @param serverErrorRate probability (0..1) an API request is answered 500 or 503
 * @param droppedConnectionRate probability (0..1) an API request's connection is reset
 * @param generationFailureRate probability (0..1) a task ends {@code failed}
 * @param cdnErrorRate probability (0..1) a CDN download is answered 503
 * @param tinyImages whether every image is 8×8 pixels, to keep benchmarks cheap
 * @param randomSeed seed of the one random source behind faults and jitter, so runs are
 * reproducible
 */
public record SimulatorSettings(ResponseShape shape, Duration proLatency, Duration flexLatency, double latencyJitter,
		long startingCredits, int requestsPerSecond, long dailyQuota, String acceptedKey, double serverErrorRate,
		double droppedConnectionRate, double generationFailureRate, double cdnErrorRate, boolean tinyImages,
		long randomSeed) {

	public SimulatorSettings {
		Objects.requireNonNull(shape, "shape");
		requireNonNegative(proLatency, "proLatency");
		requireNonNegative(flexLatency, "flexLatency");
		requireFraction(latencyJitter, "latencyJitter");
		requireNonNegative(startingCredits, "startingCredits");
		requireNonNegative(requestsPerSecond, "requestsPerSecond");
		requireNonNegative(dailyQuota, "dailyQuota");
		requireFraction(serverErrorRate, "serverErrorRate");
		requireFraction(droppedConnectionRate, "droppedConnectionRate");
		requireFraction(generationFailureRate, "generationFailureRate");
		requireFraction(cdnErrorRate, "cdnErrorRate");
	}

	/**
	 * SEED shape, tasks complete at once, a million credits, no limits, no faults,
	 * full-size images, seed 42.
	 * @return the default settings
	 */
	public static SimulatorSettings defaults() {
		return new SimulatorSettings(ResponseShape.SEED, Duration.ZERO, Duration.ZERO, 0, 1_000_000, 0, 0, null, 0, 0,
				0, 0, false, 42);
	}

	public SimulatorSettings withShape(ResponseShape shape) {
		return new SimulatorSettings(shape, this.proLatency, this.flexLatency, this.latencyJitter, this.startingCredits,
				this.requestsPerSecond, this.dailyQuota, this.acceptedKey, this.serverErrorRate,
				this.droppedConnectionRate, this.generationFailureRate, this.cdnErrorRate, this.tinyImages,
				this.randomSeed);
	}

	public SimulatorSettings withLatency(Duration proLatency, Duration flexLatency) {
		return new SimulatorSettings(this.shape, proLatency, flexLatency, this.latencyJitter, this.startingCredits,
				this.requestsPerSecond, this.dailyQuota, this.acceptedKey, this.serverErrorRate,
				this.droppedConnectionRate, this.generationFailureRate, this.cdnErrorRate, this.tinyImages,
				this.randomSeed);
	}

	public SimulatorSettings withLatencyJitter(double latencyJitter) {
		return new SimulatorSettings(this.shape, this.proLatency, this.flexLatency, latencyJitter, this.startingCredits,
				this.requestsPerSecond, this.dailyQuota, this.acceptedKey, this.serverErrorRate,
				this.droppedConnectionRate, this.generationFailureRate, this.cdnErrorRate, this.tinyImages,
				this.randomSeed);
	}

	public SimulatorSettings withCredits(long startingCredits) {
		return new SimulatorSettings(this.shape, this.proLatency, this.flexLatency, this.latencyJitter, startingCredits,
				this.requestsPerSecond, this.dailyQuota, this.acceptedKey, this.serverErrorRate,
				this.droppedConnectionRate, this.generationFailureRate, this.cdnErrorRate, this.tinyImages,
				this.randomSeed);
	}

	public SimulatorSettings withRequestsPerSecond(int requestsPerSecond) {
		return new SimulatorSettings(this.shape, this.proLatency, this.flexLatency, this.latencyJitter,
				this.startingCredits, requestsPerSecond, this.dailyQuota, this.acceptedKey, this.serverErrorRate,
				this.droppedConnectionRate, this.generationFailureRate, this.cdnErrorRate, this.tinyImages,
				this.randomSeed);
	}

	public SimulatorSettings withDailyQuota(long dailyQuota) {
		return new SimulatorSettings(this.shape, this.proLatency, this.flexLatency, this.latencyJitter,
				this.startingCredits, this.requestsPerSecond, dailyQuota, this.acceptedKey, this.serverErrorRate,
				this.droppedConnectionRate, this.generationFailureRate, this.cdnErrorRate, this.tinyImages,
				this.randomSeed);
	}

	public SimulatorSettings withAcceptedKey(String acceptedKey) {
		return new SimulatorSettings(this.shape, this.proLatency, this.flexLatency, this.latencyJitter,
				this.startingCredits, this.requestsPerSecond, this.dailyQuota, acceptedKey, this.serverErrorRate,
				this.droppedConnectionRate, this.generationFailureRate, this.cdnErrorRate, this.tinyImages,
				this.randomSeed);
	}

	public SimulatorSettings withFaults(double serverErrorRate, double droppedConnectionRate,
			double generationFailureRate, double cdnErrorRate) {
		return new SimulatorSettings(this.shape, this.proLatency, this.flexLatency, this.latencyJitter,
				this.startingCredits, this.requestsPerSecond, this.dailyQuota, this.acceptedKey, serverErrorRate,
				droppedConnectionRate, generationFailureRate, cdnErrorRate, this.tinyImages, this.randomSeed);
	}

	public SimulatorSettings withServerErrorRate(double serverErrorRate) {
		return withFaults(serverErrorRate, this.droppedConnectionRate, this.generationFailureRate, this.cdnErrorRate);
	}

	public SimulatorSettings withDroppedConnectionRate(double droppedConnectionRate) {
		return withFaults(this.serverErrorRate, droppedConnectionRate, this.generationFailureRate, this.cdnErrorRate);
	}

	public SimulatorSettings withGenerationFailureRate(double generationFailureRate) {
		return withFaults(this.serverErrorRate, this.droppedConnectionRate, generationFailureRate, this.cdnErrorRate);
	}

	public SimulatorSettings withCdnErrorRate(double cdnErrorRate) {
		return withFaults(this.serverErrorRate, this.droppedConnectionRate, this.generationFailureRate, cdnErrorRate);
	}

	public SimulatorSettings withTinyImages(boolean tinyImages) {
		return new SimulatorSettings(this.shape, this.proLatency, this.flexLatency, this.latencyJitter,
				this.startingCredits, this.requestsPerSecond, this.dailyQuota, this.acceptedKey, this.serverErrorRate,
				this.droppedConnectionRate, this.generationFailureRate, this.cdnErrorRate, tinyImages, this.randomSeed);
	}

	public SimulatorSettings withRandomSeed(long randomSeed) {
		return new SimulatorSettings(this.shape, this.proLatency, this.flexLatency, this.latencyJitter,
				this.startingCredits, this.requestsPerSecond, this.dailyQuota, this.acceptedKey, this.serverErrorRate,
				this.droppedConnectionRate, this.generationFailureRate, this.cdnErrorRate, this.tinyImages, randomSeed);
	}

	private static void requireNonNegative(Duration value, String name) {
		Objects.requireNonNull(value, name);
		if (value.isNegative()) {
			throw new IllegalArgumentException(name + " must not be negative: " + value);
		}
	}

	private static void requireNonNegative(long value, String name) {
		if (value < 0) {
			throw new IllegalArgumentException(name + " must not be negative: " + value);
		}
	}

	private static void requireFraction(double value, String name) {
		if (!(value >= 0 && value <= 1)) {
			throw new IllegalArgumentException(name + " must be between 0 and 1: " + value);
		}
	}

}
