package io.fluxbatch.api;

/**
 * A 429 for the daily request quota (no {@code Retry-After}): waiting seconds would not
 * help, so the job stops and says when the quota resets.
 */
public final class QuotaExhaustedException extends ApiException {

	private final String resetsAt;

	QuotaExhaustedException(String code, String message, String resetsAt) {
		super(429, code, message, null);
		this.resetsAt = resetsAt;
	}

	/** The reset time the API named, or {@code null} when it named none. */
	public String resetsAt() {
		return this.resetsAt;
	}

}
