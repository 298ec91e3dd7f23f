package io.fluxbatch.simulator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Enforces the per-second limit (a fixed window per wall-clock second) and the daily
 * quota (per UTC day) on API requests; refused requests use up neither.
 */
final class RequestRateLimiter {

	private final int requestsPerSecond;

	private final long dailyQuota;

	private long currentSecond = Long.MIN_VALUE;

	private int usedThisSecond;

	private LocalDate currentDay = LocalDate.MIN;

	private long usedToday;

	RequestRateLimiter(int requestsPerSecond, long dailyQuota) {
		this.requestsPerSecond = requestsPerSecond;
		this.dailyQuota = dailyQuota;
	}

	synchronized RateLimitDecision tryAcquire(Instant now) {
		roll(now);
		if (this.dailyQuota > 0 && this.usedToday >= this.dailyQuota) {
			Instant reset = nextMidnight(now);
			return new RateLimitDecision(RateLimitDecision.Outcome.DAILY_QUOTA, headers(now),
					"Daily limit of " + this.dailyQuota + " requests reached; resets at " + reset);
		}
		if (this.requestsPerSecond > 0 && this.usedThisSecond >= this.requestsPerSecond) {
			return new RateLimitDecision(RateLimitDecision.Outcome.PER_SECOND_LIMIT, headers(now),
					"Rate limit of " + this.requestsPerSecond + " requests per second exceeded");
		}
		this.usedThisSecond++;
		this.usedToday++;
		return new RateLimitDecision(RateLimitDecision.Outcome.ALLOWED, headers(now), null);
	}

	/** The daily quota starts afresh, as it does at midnight. */
	synchronized void resetDailyQuota() {
		this.usedToday = 0;
	}

	/**
	 * The quota state without using any of it, for responses decided before the limiter
	 * is consulted.
	 * @param now the current instant
	 * @return the headers to report
	 */
	synchronized RateLimitHeaders peek(Instant now) {
		roll(now);
		return headers(now);
	}

	private void roll(Instant now) {
		long second = now.getEpochSecond();
		if (second != this.currentSecond) {
			this.currentSecond = second;
			this.usedThisSecond = 0;
		}
		LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
		if (!day.equals(this.currentDay)) {
			this.currentDay = day;
			this.usedToday = 0;
		}
	}

	private RateLimitHeaders headers(Instant now) {
		if (this.dailyQuota == 0) {
			return new RateLimitHeaders(null, null, nextMidnight(now));
		}
		return new RateLimitHeaders(this.dailyQuota, Math.max(0, this.dailyQuota - this.usedToday), nextMidnight(now));
	}

	private static Instant nextMidnight(Instant now) {
		return LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
	}

}
