package io.fluxbatch.api;

/**
 * The account's secret key, kept in a type whose text form never shows it, so that
 * logging or an exception message cannot leak it by accident.
 */
public record ApiKey(String value) {

	/** The environment variable the key is read from: never a command-line argument. */
	public static final String ENVIRONMENT_VARIABLE = "VICSEE_API_KEY";

	public ApiKey {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(ENVIRONMENT_VARIABLE + " is empty");
		}
	}

	public boolean wellFormed() {
		return this.value.startsWith("sk-");
	}

	@Override
	public String toString() {
		return "ApiKey[sk-…]";
	}

}
