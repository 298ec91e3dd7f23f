package io.fluxbatch.prompt;

/**
 * Puts a user's value in a reject reason, cut short so a reason stays readable.
 */
final class Quoted {

	private static final int MAX_LENGTH = 120;

	private Quoted() {
	}

	static String value(String value) {
		if (value.codePointCount(0, value.length()) <= MAX_LENGTH) {
			return "\"" + value + "\"";
		}
		return "\"" + value.substring(0, value.offsetByCodePoints(0, MAX_LENGTH - 3)) + "...\"";
	}

}
