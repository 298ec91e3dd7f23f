package io.fluxbatch.simulator;

/**
 * Checks the {@code Authorization} header the way the real API does, one error code per
 * way of getting it wrong.
 */
final class ApiKeyCheck {

	private static final String BEARER = "Bearer ";

	private final String acceptedKey;

	/**
	 * @param acceptedKey the only key accepted, or {@code null} for any {@code sk-} key
	 */
	ApiKeyCheck(String acceptedKey) {
		this.acceptedKey = acceptedKey;
	}

	void verify(String authorization) {
		if (authorization == null || authorization.isBlank()) {
			throw unauthorized("MISSING_AUTH_HEADER", "Authorization header is required");
		}
		if (!authorization.startsWith(BEARER)) {
			throw unauthorized("INVALID_AUTH_FORMAT", "Authorization header must be 'Bearer <api key>'");
		}
		String key = authorization.substring(BEARER.length()).strip();
		if (!key.startsWith("sk-")) {
			throw unauthorized("INVALID_KEY_FORMAT", "API key must start with 'sk-'");
		}
		if (this.acceptedKey != null && !this.acceptedKey.equals(key)) {
			throw unauthorized("INVALID_API_KEY", "Invalid API key");
		}
	}

	private static ApiException unauthorized(String code, String message) {
		return new ApiException(401, code, message);
	}

}
