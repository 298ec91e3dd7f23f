package io.fluxbatch.simulator;

/**
 * An API error the simulator answers with, thrown from deep in request handling so the
 * error body is built in one place.
 */
final class ApiException extends RuntimeException {

	private final int status;

	private final String code;

	ApiException(int status, String code, String message) {
		super(message);
		this.status = status;
		this.code = code;
	}

	static ApiException badRequest(String code, String message) {
		return new ApiException(400, code, message);
	}

	int status() {
		return this.status;
	}

	String code() {
		return this.code;
	}

}
