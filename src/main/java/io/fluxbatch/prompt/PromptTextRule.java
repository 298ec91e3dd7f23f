package io.fluxbatch.prompt;

/**
 * The prompt text the API accepts: 3 to 5000 characters once trimmed.
 */
final class PromptTextRule {

	static final int MIN_LENGTH = 3;

	static final int MAX_LENGTH = 5000;

	private PromptTextRule() {
	}

	static String check(String cell) throws RowRejection {
		String text = cell.strip();
		if (text.isEmpty()) {
			throw new RowRejection("prompt is empty");
		}
		// The API counts characters, not UTF-16 units: an emoji is one.
		int length = text.codePointCount(0, text.length());
		if (length < MIN_LENGTH) {
			throw new RowRejection("prompt " + Quoted.value(text) + " is too short: " + length
					+ " characters, at least " + MIN_LENGTH);
		}
		if (length > MAX_LENGTH) {
			throw new RowRejection("prompt is too long: " + length + " characters, at most " + MAX_LENGTH);
		}
		return text;
	}

}
