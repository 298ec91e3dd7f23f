package io.fluxbatch.api;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
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

	private final FluxApiProperties.CircuitBreaker breakerSettings;

	/** When the breaker opened and has not closed since, or {@code null}. */
	private final AtomicReference<Instant> failingSince = new AtomicReference<>();

	ApiResilience(FluxApiProperties properties) {
		this.retry = Retry.of("flux-api", retryConfig(properties.retry()));
		this.breakerSettings = properties.circuitBreaker();
		this.circuitBreaker = CircuitBreaker.of("flux-api", circuitBreakerConfig(this.breakerSettings));
		this.circuitBreaker.getEventPublisher().onStateTransition((event) -> {
			switch (event.getStateTransition().getToState()) {
				case OPEN -> this.failingSince.compareAndSet(null, Instant.now());
				case CLOSED -> this.failingSince.set(null);
				default -> {
				}
			}
		});
		this.rateLimiter = RateLimiter.of("flux-api", rateLimiterConfig(properties.requestsPerSecond()));
	}

	/**
	 * Makes the call. While the breaker is open, calls wait instead of hammering the API;
	 * once it has stayed open longer than {@code give-up-after}, they fail.
	 */
	<T> T call(Supplier<T> request) {
		Supplier<T> attempt = Retry.decorateSupplier(this.retry, CircuitBreaker.decorateSupplier(this.circuitBreaker,
				RateLimiter.decorateSupplier(this.rateLimiter, request)));
		while (true) {
			try {
				return attempt.get();
			}
			catch (CallNotPermittedException open) {
				giveUpIfFailingTooLong(open);
				pause(this.breakerSettings.waitInOpenState());
			}
		}
	}

	private void giveUpIfFailingTooLong(CallNotPermittedException open) {
		Instant since = this.failingSince.get();
		Duration limit = this.breakerSettings.giveUpAfter();
		if (since != null && Duration.between(since, Instant.now()).compareTo(limit) > 0) {
			throw new TransientApiException(0, "API_UNAVAILABLE",
					"the API has failed nearly every call for over " + limit.toSeconds() + "s; giving up for now", null,
					false, open);
		}
	}

	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			throw new TransientApiException(0, "INTERRUPTED", "interrupted while the API was failing", null, false,
					interrupted);
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
			.retryOnException((failure) -> failure instanceof TransientApiException)
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
		// across the second, which is what a server-side per-second window tolerates
		// best. Above a thousand a second, slots of a millisecond hold several permits
		// each.
		long nanosPerRequest = Math.round(1_000_000_000L / requestsPerSecond);
		boolean severalPerMillisecond = nanosPerRequest < 1_000_000L;
		return RateLimiterConfig.custom()
			.limitForPeriod(severalPerMillisecond ? (int) Math.round(requestsPerSecond / 1000) : 1)
			.limitRefreshPeriod(Duration.ofNanos(severalPerMillisecond ? 1_000_000L : nanosPerRequest))
			.timeoutDuration(Duration.ofHours(1))
			.build();
	}

}
