package io.fluxbatch.api;

/**
 * A 401: the key is missing, malformed or unknown. Every further request would fail the
 * same way, so the job fails at once.
 */
public final class AuthenticationException extends ApiException {

	AuthenticationException(String code, String message) {
		super(401, code, message, null);
	}

}
