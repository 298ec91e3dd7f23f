package io.fluxbatch.api;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

/**
 * Retries an image download from the CDN. It lives here because this package is the one
 * place that applies Resilience4j; the caller says which failures are worth another try,
 * and every other one is thrown at once.
 */
public final class CdnRetry {

	private final Retry retry;

	/**
	 * @param attempts how many times a download is tried in all
	 * @param wait the pause between two attempts
	 * @param worthRetrying which failures another attempt may cure
	 */
	public CdnRetry(int attempts, Duration wait, Predicate<Throwable> worthRetrying) {
		this.retry = Retry.of("cdn",
				RetryConfig.custom().maxAttempts(attempts).waitDuration(wait).retryOnException(worthRetrying).build());
	}

	/** The first answer of {@code attempt} that does not fail with a retried failure. */
	public <T> T call(Supplier<T> attempt) {
		return this.retry.executeSupplier(attempt);
	}

}
