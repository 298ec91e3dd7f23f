package io.fluxbatch.prompt;

import java.util.regex.Pattern;

/**
 * What a spreadsheet writes in place of a value it could not produce: an error value of a
 * formula ({@code #N/A}, {@code #DIV/0!}, LibreOffice's {@code Err:502}), or {@code ?}
 * for each character the chosen export encoding lacks. Neither is a prompt anyone meant,
 * and both would be paid for.
 */
final class SpreadsheetValueRule {

	private static final Pattern ERROR_VALUE = Pattern.compile(
			"#(N/A|DIV/0!|VALUE!|REF!|NAME\\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA)|Err:\\d{3}|#NV|#WERT!|#BEZUG!");

	/** A word of two or more {@code ?}, or a {@code ?} inside a word ({@code Z?rich}). */
	private static final Pattern REPLACED = Pattern.compile("(^|\\s)\\?{2,}(?=\\s|$|[.,;:!])|\\p{L}\\?+\\p{L}");

	private SpreadsheetValueRule() {
	}

	/** The error value a cell holds, or {@code null}. */
	static String errorValue(String cell) {
		String value = cell.strip();
		return ERROR_VALUE.matcher(value).matches() ? value : null;
	}

	static void check(String field, String text) throws RowRejection {
		String error = errorValue(text);
		if (error != null) {
			throw new RowRejection(field + " is the spreadsheet error " + error
					+ ": fix the formula or the value it uses, and export again");
		}
		if (REPLACED.matcher(text).find()) {
			throw new RowRejection(field + " " + Quoted.value(text.strip()) + " has '?' where letters were: the"
					+ " export's encoding lacks them; export as \"CSV UTF-8\" (or Unicode) and try again");
		}
	}

}
