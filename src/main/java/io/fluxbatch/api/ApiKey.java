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
		// A header value cannot hold them, and the HTTP client's complaint would quote
		// the key; the message says where, never what.
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)) {
				throw new IllegalArgumentException(
						ENVIRONMENT_VARIABLE + " holds a space, line break or control " + "character (character "
								+ (i + 1) + " of " + value.length() + "); put the key alone on one line of its file");
			}
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
