package io.fluxbatch.api;

/**
 * A 402: the account cannot pay for the next image. The job stops and continues after a
 * top-up.
 */
public final class InsufficientCreditsException extends ApiException {

	InsufficientCreditsException(String code, String message) {
		super(402, code, message, null);
	}

}
