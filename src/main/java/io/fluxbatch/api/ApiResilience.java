package io.fluxbatch.api;

import java.time.Duration;
import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

/**
 * The one place Resilience4j is applied to API calls: a retry outside, a circuit breaker,
 * and the rate limiter inside, so that every attempt, retries included, waits for its own
 * permit.
 */
final class ApiResilience {

	private final Retry retry;

	private final CircuitBreaker circuitBreaker;

	private final RateLimiter rateLimiter;

	ApiResilience(FluxApiProperties properties) {
		this.retry = Retry.of("flux-api", retryConfig(properties.retry()));
		this.circuitBreaker = CircuitBreaker.of("flux-api", circuitBreakerConfig(properties.circuitBreaker()));
		this.rateLimiter = RateLimiter.of("flux-api", rateLimiterConfig(properties.requestsPerSecond()));
	}

	<T> T call(Supplier<T> request) {
		Supplier<T> limited = RateLimiter.decorateSupplier(this.rateLimiter, request);
		try {
			return Retry.decorateSupplier(this.retry, CircuitBreaker.decorateSupplier(this.circuitBreaker, limited))
				.get();
		}
		catch (CallNotPermittedException open) {
			throw new TransientApiException(0, "CIRCUIT_OPEN",
					"the API failed too often; calls to it are paused for a while", null, false, open);
		}
	}

	private static RetryConfig retryConfig(FluxApiProperties.Retry settings) {
		IntervalFunction backoff = IntervalFunction.ofExponentialRandomBackoff(settings.initialBackoff(), 2.0, 0.5,
				settings.maxBackoff());
		return RetryConfig.custom().maxAttempts(settings.maxAttempts()).intervalBiFunction((attempt, outcome) -> {
			if (outcome.isLeft() && outcome.getLeft() instanceof TransientApiException failure
					&& failure.retryAfter() != null) {
				return Math.max(1, failure.retryAfter().toMillis());
			}
			return backoff.apply(attempt);
		})
			// Only failures that can pass are retried: 400, 401, 402 and the daily quota
			// never are.
			.retryOnException((failure) -> failure instanceof TransientApiException
					|| failure instanceof CallNotPermittedException)
			.failAfterMaxAttempts(false)
			.build();
	}

	private static CircuitBreakerConfig circuitBreakerConfig(FluxApiProperties.CircuitBreaker settings) {
		return CircuitBreakerConfig.custom()
			.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
			.slidingWindowSize(settings.slidingWindowSize())
			.minimumNumberOfCalls(settings.slidingWindowSize())
			.failureRateThreshold(settings.failureRateThreshold())
			.waitDurationInOpenState(settings.waitInOpenState())
			.permittedNumberOfCallsInHalfOpenState(2)
			.automaticTransitionFromOpenToHalfOpenEnabled(false)
			.recordException((failure) -> failure instanceof TransientApiException)
			.build();
	}

	private static RateLimiterConfig rateLimiterConfig(double requestsPerSecond) {
		// One permit per slot, rather than a burst per second, spreads requests evenly
		// across the
		// second, which is what a server-side per-second window tolerates best.
		long nanosPerRequest = Math.max(1_000_000L, Math.round(1_000_000_000L / requestsPerSecond));
		return RateLimiterConfig.custom()
			.limitForPeriod(1)
			.limitRefreshPeriod(Duration.ofNanos(nanosPerRequest))
			.timeoutDuration(Duration.ofHours(1))
			.build();
	}

}
