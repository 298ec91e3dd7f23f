package io.fluxbatch.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

/**
 * The one place Resilience4j is applied to API calls: a retry outside, a circuit breaker,
 * and the pace inside, so that every attempt, retries included, waits for its own slot.
 *
 * <p>
 * The pace is an {@link AdaptivePace} of ours rather than Resilience4j's
 * {@code RateLimiter}: that one can change the permits of a period but not the period, so
 * a pace that must move smoothly from 5 to a hundred requests a second and settle at 4.8
 * would be either bursty (one-second periods) or coarse, and it cannot hold every call
 * for a {@code Retry-After}. Ours sits in the same place of the decoration.
 */
final class ApiResilience {

	private final Retry retry;

	private final CircuitBreaker circuitBreaker;

	private final AdaptivePace pace;

	private final AccountPace account;

	private final Clock clock;

	private final FluxApiProperties.CircuitBreaker breakerSettings;

	/** When the breaker opened and has not closed since, or {@code null}. */
	private final AtomicReference<Instant> failingSince = new AtomicReference<>();

	ApiResilience(FluxApiProperties properties, Clock clock) {
		this(properties, clock, AccountPace.UNSHARED);
	}

	/**
	 * @param account the pace of the runs sharing the account, which this run's requests
	 * keep to as well as to its own
	 */
	ApiResilience(FluxApiProperties properties, Clock clock, AccountPace account) {
		this.clock = clock;
		this.account = account;
		this.retry = Retry.of("flux-api", retryConfig(properties.retry()));
		this.breakerSettings = properties.circuitBreaker();
		this.circuitBreaker = CircuitBreaker.of("flux-api", circuitBreakerConfig(this.breakerSettings));
		this.circuitBreaker.getEventPublisher().onStateTransition((event) -> {
			switch (event.getStateTransition().getToState()) {
				case OPEN -> this.failingSince.compareAndSet(null, this.clock.instant());
				case CLOSED -> this.failingSince.set(null);
				default -> {
				}
			}
		});
		this.pace = new AdaptivePace(clock, properties.requestsPerSecond());
	}

	/**
	 * Makes the call. While the breaker is open, calls wait instead of hammering the API;
	 * once it has stayed open longer than {@code give-up-after}, they fail.
	 */
	<T> T call(Supplier<T> request) {
		return call(request, false);
	}

	/**
	 * Makes a call that gives way: each attempt takes only a slot of the pace that no
	 * other request has asked for. A poll of a task that may be done, or a fresh download
	 * link, finishes an image already paid for (before its URL expires); a POST only
	 * starts another, so when the pace is short, the POSTs wait.
	 */
	<T> T callGivingWay(Supplier<T> request) {
		return call(request, true);
	}

	private <T> T call(Supplier<T> request, boolean givingWay) {
		Supplier<T> attempt = Retry.decorateSupplier(this.retry,
				CircuitBreaker.decorateSupplier(this.circuitBreaker, () -> paced(request, givingWay)));
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

	private <T> T paced(Supplier<T> request, boolean givingWay) {
		Instant slot;
		while (true) {
			synchronized (this.pace) {
				Instant free = this.pace.nextFree();
				if (!givingWay || !free.isAfter(this.clock.instant())) {
					slot = this.pace.reserve(this.account);
					break;
				}
				slot = free;
			}
			// Another request has the next slot: look again when it is taken.
			waitUntil(slot);
		}
		waitUntil(slot);
		try {
			T answer = request.get();
			passed();
			return answer;
		}
		catch (TransientApiException failure) {
			if (failure.httpStatus() == 429 && failure.retryAfter() != null
					&& !SubmitGate.isConcurrencyLimit(failure)) {
				Instant heldUntil;
				synchronized (this.pace) {
					heldUntil = this.pace.refused(failure.retryAfter());
				}
				this.account.hold(heldUntil);
			}
			else if (failure.httpStatus() != 0) {
				// Answered, so it got through the burst limit: a 5xx says nothing about
				// the pace.
				passed();
			}
			throw failure;
		}
		catch (ApiException answered) {
			passed();
			throw answered;
		}
	}

	private void passed() {
		synchronized (this.pace) {
			this.pace.passed();
		}
	}

	private void waitUntil(Instant slot) {
		long nanos = Duration.between(this.clock.instant(), slot).toNanos();
		if (nanos <= 0) {
			return;
		}
		try {
			Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			throw new TransientApiException(0, "INTERRUPTED", "interrupted while waiting for the API's pace", null,
					false, interrupted);
		}
	}

	private void giveUpIfFailingTooLong(CallNotPermittedException open) {
		Instant since = this.failingSince.get();
		Duration limit = this.breakerSettings.giveUpAfter();
		if (since != null && Duration.between(since, this.clock.instant()).compareTo(limit) > 0) {
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
			// never are; too many unfinished tasks is waited out by the SubmitGate, not
			// retried.
			.retryOnException(
					(failure) -> failure instanceof TransientApiException && !SubmitGate.isConcurrencyLimit(failure))
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
			.recordException(
					(failure) -> failure instanceof TransientApiException && !SubmitGate.isConcurrencyLimit(failure))
			.build();
	}

}
