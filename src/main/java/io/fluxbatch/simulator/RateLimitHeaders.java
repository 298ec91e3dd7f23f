package io.fluxbatch.simulator;

import java.time.Instant;

/**
 * The daily-quota state reported on every API response.
 *
 * @param limit the daily quota, or {@code null} when unlimited
 * @param remaining requests left today, or {@code null} when unlimited
 * @param reset the next midnight UTC, when the quota renews
 */
record RateLimitHeaders(Long limit, Long remaining, Instant reset) {

	static final String LIMIT = "X-RateLimit-Limit";

	static final String REMAINING = "X-RateLimit-Remaining";

	static final String RESET = "X-RateLimit-Reset";

}
