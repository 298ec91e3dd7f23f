package io.fluxbatch.simulator;

import java.time.Duration;
import java.util.Random;

/**
 * The one seeded random source behind every fault and latency draw, so a run with the
 * same seed and the same request order misbehaves the same way.
 */
final class SimulatorDice {

	private final SimulatorSettings settings;

	private final Random random;

	SimulatorDice(SimulatorSettings settings) {
		this.settings = settings;
		this.random = new Random(settings.randomSeed());
	}

	boolean dropConnection() {
		return roll(this.settings.droppedConnectionRate());
	}

	boolean serverError() {
		return roll(this.settings.serverErrorRate());
	}

	/**
	 * Picks which of the two server errors to answer with.
	 * @return 500 or 503, evenly
	 */
	synchronized int serverErrorStatus() {
		return this.random.nextBoolean() ? 500 : 503;
	}

	boolean generationFails() {
		return roll(this.settings.generationFailureRate());
	}

	boolean cdnError() {
		return roll(this.settings.cdnErrorRate());
	}

	boolean burstRateLimited() {
		return roll(this.settings.injectedFaults().burstRateLimitRate());
	}

	boolean responseLost() {
		return roll(this.settings.injectedFaults().lostResponseRate());
	}

	/**
	 * Picks how a lost answer is lost.
	 * @return {@code true} to reset the connection, {@code false} to answer 500, evenly
	 */
	synchronized boolean lostByReset() {
		return this.random.nextBoolean();
	}

	boolean slowResponse() {
		return roll(this.settings.injectedFaults().slowResponseRate());
	}

	boolean truncatedImage() {
		return roll(this.settings.injectedFaults().truncatedImageRate());
	}

	boolean expiredUrl() {
		return roll(this.settings.injectedFaults().expiredUrlRate());
	}

	/**
	 * Varies {@code base} uniformly by up to the configured jitter fraction either way.
	 * @param base the family's configured latency
	 * @return the latency of one task
	 */
	synchronized Duration latency(Duration base) {
		double jitter = this.settings.latencyJitter();
		if (base.isZero() || jitter == 0) {
			return base;
		}
		double factor = 1 + jitter * (2 * this.random.nextDouble() - 1);
		return Duration.ofNanos(Math.round(base.toNanos() * factor));
	}

	// Rates of 0 and 1 draw nothing, so switching one fault fully on or off leaves the
	// sequence the other faults see unchanged.
	private synchronized boolean roll(double probability) {
		if (probability <= 0) {
			return false;
		}
		if (probability >= 1) {
			return true;
		}
		return this.random.nextDouble() < probability;
	}

}
