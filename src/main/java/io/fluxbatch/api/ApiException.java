package io.fluxbatch.api;

/**
 * A call to the API that did not give the answer asked for, sorted by what the caller
 * should do about it: the subtypes say whether to retry, skip the row, or stop the job.
 */
public abstract sealed class ApiException extends RuntimeException
		permits TransientApiException, RejectedRequestException, AuthenticationException, InsufficientCreditsException,
		QuotaExhaustedException, ApiProtocolException {

	private final int httpStatus;

	private final String code;

	ApiException(int httpStatus, String code, String message, Throwable cause) {
		super(message, cause);
		this.httpStatus = httpStatus;
		this.code = code;
	}

	/** The HTTP status, or 0 when no response arrived. */
	public int httpStatus() {
		return this.httpStatus;
	}

	/**
	 * The API's error code (for example {@code INSUFFICIENT_CREDITS}), or a code of ours.
	 */
	public String code() {
		return this.code;
	}

	/** One line for a results file or the console. */
	public String describe() {
		return this.code + ": " + getMessage();
	}

}
