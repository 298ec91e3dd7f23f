package io.fluxbatch.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * The faults that test a client's recovery rather than its plain retrying (lost answers,
 * slow answers, broken or expired images, bursts of 429), grouped so they are configured
 * as one part of {@link SimulatorSettings}.
 *
 * @param lostResponseRate probability (0..1) a {@code POST /generate} creates its task
 * and reserves its credits but the client gets a 500 or a reset connection instead,
 * evenly
 * @param slowResponseRate probability (0..1) an API answer is held back by
 * {@code slowResponseDelay} after the request has been handled
 * @param slowResponseDelay how long a slow answer is held back, typically longer than the
 * client's read timeout
 * @param truncatedImageRate probability (0..1) a CDN download sends only the first half
 * of the PNG, as a complete 200 response
 * @param expiredUrlRate probability (0..1) a task's result URL answers 403
 * {@code URL_EXPIRED}, so only a fresh link from {@code GET /tasks/{id}/download} works
 * @param burstRateLimitRate probability (0..1) an API request is answered 429
 * {@code RATE_LIMITED} with {@code Retry-After} before it is handled
 * @param burstRetryAfter the {@code Retry-After} of those answers, in whole seconds (zero
 * allowed, for fast tests)
 * @param resultUrlLifetime how long after its task finished a result URL stops working
 * (403 {@code URL_EXPIRED}, as Black Forest Labs' URLs do after 10 minutes), or
 * {@code null} for URLs that never expire
 */
public record InjectedFaults(double lostResponseRate, double slowResponseRate, Duration slowResponseDelay,
		double truncatedImageRate, double expiredUrlRate, double burstRateLimitRate, Duration burstRetryAfter,
		Duration resultUrlLifetime) {

	private static final Duration DEFAULT_SLOW_RESPONSE_DELAY = Duration.ofSeconds(2);

	private static final Duration DEFAULT_BURST_RETRY_AFTER = Duration.ofSeconds(1);

	public InjectedFaults {
		requireFraction(lostResponseRate, "lostResponseRate");
		requireFraction(slowResponseRate, "slowResponseRate");
		Objects.requireNonNull(slowResponseDelay, "slowResponseDelay");
		if (slowResponseDelay.isNegative() || slowResponseDelay.toMillis() > Integer.MAX_VALUE) {
			throw new IllegalArgumentException("slowResponseDelay must be between 0 and 24 days: " + slowResponseDelay);
		}
		requireFraction(truncatedImageRate, "truncatedImageRate");
		requireFraction(expiredUrlRate, "expiredUrlRate");
		requireFraction(burstRateLimitRate, "burstRateLimitRate");
		Objects.requireNonNull(burstRetryAfter, "burstRetryAfter");
		if (burstRetryAfter.isNegative() || burstRetryAfter.getNano() != 0) {
			throw new IllegalArgumentException(
					"burstRetryAfter must be a non-negative number of whole seconds: " + burstRetryAfter);
		}
		if (resultUrlLifetime != null && resultUrlLifetime.isNegative()) {
			throw new IllegalArgumentException("resultUrlLifetime must not be negative: " + resultUrlLifetime);
		}
	}

	/**
	 * Faults with result URLs that never expire by age, as they were before that existed.
	 * @param lostResponseRate probability (0..1) a {@code POST /generate}'s answer is
	 * lost
	 * @param slowResponseRate probability (0..1) an API answer is held back
	 * @param slowResponseDelay how long a slow answer is held back
	 * @param truncatedImageRate probability (0..1) a CDN download sends half the PNG
	 * @param expiredUrlRate probability (0..1) a task's result URL answers 403
	 * @param burstRateLimitRate probability (0..1) an API request is answered 429
	 * @param burstRetryAfter the {@code Retry-After} of those answers
	 */
	public InjectedFaults(double lostResponseRate, double slowResponseRate, Duration slowResponseDelay,
			double truncatedImageRate, double expiredUrlRate, double burstRateLimitRate, Duration burstRetryAfter) {
		this(lostResponseRate, slowResponseRate, slowResponseDelay, truncatedImageRate, expiredUrlRate,
				burstRateLimitRate, burstRetryAfter, null);
	}

	/**
	 * Whether a result URL of a task that finished at {@code finishedAt} has expired by
	 * {@code now}.
	 */
	boolean urlExpiredByAge(java.time.Instant finishedAt, java.time.Instant now) {
		return this.resultUrlLifetime != null && now.isAfter(finishedAt.plus(this.resultUrlLifetime));
	}

	/**
	 * None of these faults; slow answers would take 2 s and bursts would ask for a retry
	 * after 1 s.
	 * @return no injected faults
	 */
	public static InjectedFaults none() {
		return new InjectedFaults(0, 0, DEFAULT_SLOW_RESPONSE_DELAY, 0, 0, 0, DEFAULT_BURST_RETRY_AFTER);
	}

	/**
	 * Sets every rate at once, keeping the delay and the {@code Retry-After}.
	 * @param rate probability (0..1) of each fault
	 * @return the changed faults
	 */
	public InjectedFaults withAllRates(double rate) {
		return new InjectedFaults(rate, rate, this.slowResponseDelay, rate, rate, rate, this.burstRetryAfter,
				this.resultUrlLifetime);
	}

	public InjectedFaults withLostResponseRate(double lostResponseRate) {
		return new InjectedFaults(lostResponseRate, this.slowResponseRate, this.slowResponseDelay,
				this.truncatedImageRate, this.expiredUrlRate, this.burstRateLimitRate, this.burstRetryAfter,
				this.resultUrlLifetime);
	}

	public InjectedFaults withSlowResponseRate(double slowResponseRate) {
		return new InjectedFaults(this.lostResponseRate, slowResponseRate, this.slowResponseDelay,
				this.truncatedImageRate, this.expiredUrlRate, this.burstRateLimitRate, this.burstRetryAfter,
				this.resultUrlLifetime);
	}

	public InjectedFaults withSlowResponseDelay(Duration slowResponseDelay) {
		return new InjectedFaults(this.lostResponseRate, this.slowResponseRate, slowResponseDelay,
				this.truncatedImageRate, this.expiredUrlRate, this.burstRateLimitRate, this.burstRetryAfter,
				this.resultUrlLifetime);
	}

	public InjectedFaults withTruncatedImageRate(double truncatedImageRate) {
		return new InjectedFaults(this.lostResponseRate, this.slowResponseRate, this.slowResponseDelay,
				truncatedImageRate, this.expiredUrlRate, this.burstRateLimitRate, this.burstRetryAfter,
				this.resultUrlLifetime);
	}

	public InjectedFaults withExpiredUrlRate(double expiredUrlRate) {
		return new InjectedFaults(this.lostResponseRate, this.slowResponseRate, this.slowResponseDelay,
				this.truncatedImageRate, expiredUrlRate, this.burstRateLimitRate, this.burstRetryAfter,
				this.resultUrlLifetime);
	}

	public InjectedFaults withBurstRateLimitRate(double burstRateLimitRate) {
		return new InjectedFaults(this.lostResponseRate, this.slowResponseRate, this.slowResponseDelay,
				this.truncatedImageRate, this.expiredUrlRate, burstRateLimitRate, this.burstRetryAfter,
				this.resultUrlLifetime);
	}

	public InjectedFaults withBurstRetryAfter(Duration burstRetryAfter) {
		return new InjectedFaults(this.lostResponseRate, this.slowResponseRate, this.slowResponseDelay,
				this.truncatedImageRate, this.expiredUrlRate, this.burstRateLimitRate, burstRetryAfter,
				this.resultUrlLifetime);
	}

	public InjectedFaults withResultUrlLifetime(Duration resultUrlLifetime) {
		return new InjectedFaults(this.lostResponseRate, this.slowResponseRate, this.slowResponseDelay,
				this.truncatedImageRate, this.expiredUrlRate, this.burstRateLimitRate, this.burstRetryAfter,
				resultUrlLifetime);
	}

	private static void requireFraction(double value, String name) {
		if (!(value >= 0 && value <= 1)) {
			throw new IllegalArgumentException(name + " must be between 0 and 1: " + value);
		}
	}

}
