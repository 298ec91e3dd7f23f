package io.fluxbatch.api;

/**
 * An answer this client cannot read (not JSON, or without the fields every shape has).
 */
public final class ApiProtocolException extends ApiException {

	ApiProtocolException(String message) {
		super(0, "UNREADABLE_RESPONSE", message, null);
	}

}
