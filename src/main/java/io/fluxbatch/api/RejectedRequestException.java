package io.fluxbatch.api;

/**
 * The API refused this one request (400, 403, 404, 409...): sending it again would get
 * the same answer, so the row fails with the API's reason and the job goes on.
 */
public final class RejectedRequestException extends ApiException {

	RejectedRequestException(int httpStatus, String code, String message) {
		super(httpStatus, code, message, null);
	}

}
