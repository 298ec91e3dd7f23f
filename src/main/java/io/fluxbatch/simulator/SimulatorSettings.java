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
 * @param injectedFaults the faults beyond the four rates above: lost and slow answers,
 * truncated images, expired result URLs and bursts of 429
 * @param maxUnfinishedTasks tasks an account may have unfinished at once, beyond which a
 * submission is answered 429 {@code CONCURRENCY_LIMIT} (as Black Forest Labs' API caps an
 * account at 24), 0 for no cap
 * @param imageBytes the least every image weighs, padded with a private PNG chunk (real
 * FLUX.2 images weigh about 1.75 MB at 1K, which a drawn placeholder does not), 0 for as
 * drawn
 */
public record SimulatorSettings(ResponseShape shape, Duration proLatency, Duration flexLatency, double latencyJitter,
		long startingCredits, int requestsPerSecond, long dailyQuota, String acceptedKey, double serverErrorRate,
		double droppedConnectionRate, double generationFailureRate, double cdnErrorRate, boolean tinyImages,
		long randomSeed, InjectedFaults injectedFaults, int maxUnfinishedTasks, long imageBytes) {

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
		Objects.requireNonNull(injectedFaults, "injectedFaults");
		requireNonNegative(maxUnfinishedTasks, "maxUnfinishedTasks");
		requireNonNegative(imageBytes, "imageBytes");
	}

	/**
	 * Settings without a cap on unfinished tasks, as they were before it existed.
	 * @param shape the JSON shape of submit and poll responses
	 * @param proLatency time a Pro task takes to finish
	 * @param flexLatency time a Flex task takes to finish
	 * @param latencyJitter fraction (0..1) by which each task's latency varies
	 * @param startingCredits the account balance at start
	 * @param requestsPerSecond API requests allowed per second, 0 for unlimited
	 * @param dailyQuota API requests allowed per UTC day, 0 for unlimited
	 * @param acceptedKey the only API key accepted, or {@code null} for any
	 * @param serverErrorRate probability (0..1) an API request is answered 500 or 503
	 * @param droppedConnectionRate probability (0..1) an API request's connection is
	 * reset
	 * @param generationFailureRate probability (0..1) a task ends {@code failed}
	 * @param cdnErrorRate probability (0..1) a CDN download is answered 503
	 * @param tinyImages whether every image is 8×8 pixels
	 * @param randomSeed seed of the one random source behind faults and jitter
	 * @param injectedFaults the faults beyond the four rates
	 */
	public SimulatorSettings(ResponseShape shape, Duration proLatency, Duration flexLatency, double latencyJitter,
			long startingCredits, int requestsPerSecond, long dailyQuota, String acceptedKey, double serverErrorRate,
			double droppedConnectionRate, double generationFailureRate, double cdnErrorRate, boolean tinyImages,
			long randomSeed, InjectedFaults injectedFaults) {
		this(shape, proLatency, flexLatency, latencyJitter, startingCredits, requestsPerSecond, dailyQuota, acceptedKey,
				serverErrorRate, droppedConnectionRate, generationFailureRate, cdnErrorRate, tinyImages, randomSeed,
				injectedFaults, 0, 0);
	}

	/**
	 * Settings without any of the {@link InjectedFaults}, as they were before those
	 * existed.
	 * @param shape the JSON shape of submit and poll responses
	 * @param proLatency time a Pro task takes to finish
	 * @param flexLatency time a Flex task takes to finish
	 * @param latencyJitter fraction (0..1) by which each task's latency varies
	 * @param startingCredits the account balance at start
	 * @param requestsPerSecond API requests allowed per second, 0 for unlimited
	 * @param dailyQuota API requests allowed per UTC day, 0 for unlimited
	 * @param acceptedKey the only API key accepted, or {@code null} for any
	 * @param serverErrorRate probability (0..1) an API request is answered 500 or 503
	 * @param droppedConnectionRate probability (0..1) an API request's connection is
	 * reset
	 * @param generationFailureRate probability (0..1) a task ends {@code failed}
	 * @param cdnErrorRate probability (0..1) a CDN download is answered 503
	 * @param tinyImages whether every image is 8×8 pixels
	 * @param randomSeed seed of the one random source behind faults and jitter
	 */
	public SimulatorSettings(ResponseShape shape, Duration proLatency, Duration flexLatency, double latencyJitter,
			long startingCredits, int requestsPerSecond, long dailyQuota, String acceptedKey, double serverErrorRate,
			double droppedConnectionRate, double generationFailureRate, double cdnErrorRate, boolean tinyImages,
			long randomSeed) {
		this(shape, proLatency, flexLatency, latencyJitter, startingCredits, requestsPerSecond, dailyQuota, acceptedKey,
				serverErrorRate, droppedConnectionRate, generationFailureRate, cdnErrorRate, tinyImages, randomSeed,
				InjectedFaults.none());
	}

	/**
	 * SEED shape, tasks complete at once, a million credits, no limits, no faults,
	 * full-size images, seed 42; were they switched on, slow answers would take 2 s and
	 * bursts of 429 would ask for a retry after 1 s.
	 * @return the default settings
	 */
	public static SimulatorSettings defaults() {
		return new SimulatorSettings(ResponseShape.SEED, Duration.ZERO, Duration.ZERO, 0, 1_000_000, 0, 0, null, 0, 0,
				0, 0, false, 42, InjectedFaults.none(), 0, 0);
	}

	public SimulatorSettings withShape(ResponseShape shape) {
		return new SimulatorSettings(shape, this.proLatency, this.flexLatency, this.latencyJitter, this.startingCredits,
				this.requestsPerSecond, this.dailyQuota, this.acceptedKey, this.serverErrorRate,
				this.droppedConnectionRate, this.generationFailureRate, this.cdnErrorRate, this.tinyImages,
				this.randomSeed, this.injectedFaults, this.maxUnfinishedTasks, this.imageBytes);
	}

	public SimulatorSettings withLatency(Duration proLatency, Duration flexLatency) {
		return new SimulatorSettings(this.shape, proLatency, flexLatency, this.latencyJitter, this.startingCredits,
				this.requestsPerSecond, this.dailyQuota, this.acceptedKey, this.serverErrorRate,
				this.droppedConnectionRate, this.generationFailureRate, this.cdnErrorRate, this.tinyImages,
				this.randomSeed, this.injectedFaults, this.maxUnfinishedTasks, this.imageBytes);
	}

	public SimulatorSettings withLatencyJitter(double latencyJitter) {
		return new SimulatorSettings(this.shape, this.proLatency, this.flexLatency, latencyJitter, this.startingCredits,
				this.requestsPerSecond, this.dailyQuota, this.acceptedKey, this.serverErrorRate,
				this.droppedConnectionRate, this.generationFailureRate, this.cdnErrorRate, this.tinyImages,
				this.randomSeed, this.injectedFaults, this.maxUnfinishedTasks, this.imageBytes);
	}

	public SimulatorSettings withCredits(long startingCredits) {
		return new SimulatorSettings(this.shape, this.proLatency, this.flexLatency, this.latencyJitter, startingCredits,
				this.requestsPerSecond, this.dailyQuota, this.acceptedKey, this.serverErrorRate,
				this.droppedConnectionRate, this.generationFailureRate, this.cdnErrorRate, this.tinyImages,
				this.randomSeed, this.injectedFaults, this.maxUnfinishedTasks, this.imageBytes);
	}

	public SimulatorSettings withRequestsPerSecond(int requestsPerSecond) {
		return new SimulatorSettings(this.shape, this.proLatency, this.flexLatency, this.latencyJitter,
				this.startingCredits, requestsPerSecond, this.dailyQuota, this.acceptedKey, this.serverErrorRate,
				this.droppedConnectionRate, this.generationFailureRate, this.cdnErrorRate, this.tinyImages,
				this.randomSeed, this.injectedFaults, this.maxUnfinishedTasks, this.imageBytes);
	}

	public SimulatorSettings withDailyQuota(long dailyQuota) {
		return new SimulatorSettings(this.shape, this.proLatency, this.flexLatency, this.latencyJitter,
				this.startingCredits, this.requestsPerSecond, dailyQuota, this.acceptedKey, this.serverErrorRate,
				this.droppedConnectionRate, this.generationFailureRate, this.cdnErrorRate, this.tinyImages,
				this.randomSeed, this.injectedFaults, this.maxUnfinishedTasks, this.imageBytes);
	}

	public SimulatorSettings withAcceptedKey(String acceptedKey) {
		return new SimulatorSettings(this.shape, this.proLatency, this.flexLatency, this.latencyJitter,
				this.startingCredits, this.requestsPerSecond, this.dailyQuota, acceptedKey, this.serverErrorRate,
				this.droppedConnectionRate, this.generationFailureRate, this.cdnErrorRate, this.tinyImages,
				this.randomSeed, this.injectedFaults, this.maxUnfinishedTasks, this.imageBytes);
	}

	public SimulatorSettings withFaults(double serverErrorRate, double droppedConnectionRate,
			double generationFailureRate, double cdnErrorRate) {
		return new SimulatorSettings(this.shape, this.proLatency, this.flexLatency, this.latencyJitter,
				this.startingCredits, this.requestsPerSecond, this.dailyQuota, this.acceptedKey, serverErrorRate,
				droppedConnectionRate, generationFailureRate, cdnErrorRate, this.tinyImages, this.randomSeed,
				this.injectedFaults, this.maxUnfinishedTasks, this.imageBytes);
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
				this.droppedConnectionRate, this.generationFailureRate, this.cdnErrorRate, tinyImages, this.randomSeed,
				this.injectedFaults, this.maxUnfinishedTasks, this.imageBytes);
	}

	public SimulatorSettings withImageBytes(long imageBytes) {
		return new SimulatorSettings(this.shape, this.proLatency, this.flexLatency, this.latencyJitter,
				this.startingCredits, this.requestsPerSecond, this.dailyQuota, this.acceptedKey, this.serverErrorRate,
				this.droppedConnectionRate, this.generationFailureRate, this.cdnErrorRate, this.tinyImages,
				this.randomSeed, this.injectedFaults, this.maxUnfinishedTasks, imageBytes);
	}

	public SimulatorSettings withRandomSeed(long randomSeed) {
		return new SimulatorSettings(this.shape, this.proLatency, this.flexLatency, this.latencyJitter,
				this.startingCredits, this.requestsPerSecond, this.dailyQuota, this.acceptedKey, this.serverErrorRate,
				this.droppedConnectionRate, this.generationFailureRate, this.cdnErrorRate, this.tinyImages, randomSeed,
				this.injectedFaults, this.maxUnfinishedTasks, this.imageBytes);
	}

	public SimulatorSettings withMaxUnfinishedTasks(int maxUnfinishedTasks) {
		return new SimulatorSettings(this.shape, this.proLatency, this.flexLatency, this.latencyJitter,
				this.startingCredits, this.requestsPerSecond, this.dailyQuota, this.acceptedKey, this.serverErrorRate,
				this.droppedConnectionRate, this.generationFailureRate, this.cdnErrorRate, this.tinyImages,
				this.randomSeed, this.injectedFaults, maxUnfinishedTasks, this.imageBytes);
	}

	public SimulatorSettings withInjectedFaults(InjectedFaults injectedFaults) {
		return new SimulatorSettings(this.shape, this.proLatency, this.flexLatency, this.latencyJitter,
				this.startingCredits, this.requestsPerSecond, this.dailyQuota, this.acceptedKey, this.serverErrorRate,
				this.droppedConnectionRate, this.generationFailureRate, this.cdnErrorRate, this.tinyImages,
				this.randomSeed, injectedFaults, this.maxUnfinishedTasks, this.imageBytes);
	}

	/**
	 * Sets every fault rate to {@code rate}: server errors, dropped connections, failed
	 * generations, CDN errors and all of {@link InjectedFaults}. Credits and the daily
	 * quota are left alone, as is how long slow answers take and the {@code Retry-After}
	 * of bursts.
	 * @param rate probability (0..1) of each fault
	 * @return the changed settings
	 */
	public SimulatorSettings withChaos(double rate) {
		return withFaults(rate, rate, rate, rate).withInjectedFaults(this.injectedFaults.withAllRates(rate));
	}

	public SimulatorSettings withLostResponseRate(double lostResponseRate) {
		return withInjectedFaults(this.injectedFaults.withLostResponseRate(lostResponseRate));
	}

	public SimulatorSettings withSlowResponseRate(double slowResponseRate) {
		return withInjectedFaults(this.injectedFaults.withSlowResponseRate(slowResponseRate));
	}

	public SimulatorSettings withSlowResponseDelay(Duration slowResponseDelay) {
		return withInjectedFaults(this.injectedFaults.withSlowResponseDelay(slowResponseDelay));
	}

	public SimulatorSettings withTruncatedImageRate(double truncatedImageRate) {
		return withInjectedFaults(this.injectedFaults.withTruncatedImageRate(truncatedImageRate));
	}

	public SimulatorSettings withResultUrlLifetime(Duration resultUrlLifetime) {
		return withInjectedFaults(this.injectedFaults.withResultUrlLifetime(resultUrlLifetime));
	}

	public SimulatorSettings withExpiredUrlRate(double expiredUrlRate) {
		return withInjectedFaults(this.injectedFaults.withExpiredUrlRate(expiredUrlRate));
	}

	public SimulatorSettings withBurstRateLimitRate(double burstRateLimitRate) {
		return withInjectedFaults(this.injectedFaults.withBurstRateLimitRate(burstRateLimitRate));
	}

	public SimulatorSettings withBurstRetryAfter(Duration burstRetryAfter) {
		return withInjectedFaults(this.injectedFaults.withBurstRetryAfter(burstRetryAfter));
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
