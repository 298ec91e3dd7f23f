package io.fluxbatch.api;

import java.time.Duration;

/**
 * A failure that may pass if the call is made again: 429 bursts, 5xx, timeouts and
 * dropped connections. {@link #mayHaveReachedServer()} tells whether a POST could have
 * created a task although its answer was lost.
 */
public final class TransientApiException extends ApiException {

	private final Duration retryAfter;

	private final boolean mayHaveReachedServer;

	TransientApiException(int httpStatus, String code, String message, Duration retryAfter,
			boolean mayHaveReachedServer, Throwable cause) {
		super(httpStatus, code, message, cause);
		this.retryAfter = retryAfter;
		this.mayHaveReachedServer = mayHaveReachedServer;
	}

	/** How long the server asked us to wait, or {@code null} when it did not say. */
	public Duration retryAfter() {
		return this.retryAfter;
	}

	public boolean mayHaveReachedServer() {
		return this.mayHaveReachedServer;
	}

}
