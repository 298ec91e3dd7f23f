package io.fluxbatch.csv;

import java.nio.charset.Charset;
import java.util.Locale;
import java.util.Map;

/**
 * What the user said about an input file's encoding, delimiter, quote character and (for
 * a workbook) sheet; whatever is left {@code null} is detected from the file itself.
 *
 * @param encoding the text encoding, or {@code null} to detect it
 * @param delimiter the cell separator, or {@code null} to find it
 * @param quote the character that quotes cells, or {@code null} to find it
 * @param sheet the workbook sheet to read, or {@code null} for the first
 */
public record CsvOptions(Charset encoding, Character delimiter, Character quote, String sheet) {

	/** Detect everything from the file. */
	public static final CsvOptions DETECT = new CsvOptions(null, null, null, null);

	private static final Map<String, Character> DELIMITER_NAMES = Map.of("comma", ',', "semicolon", ';', "tab", '\t',
			"\\t", '\t', "pipe", '|');

	private static final Map<String, Character> QUOTE_NAMES = Map.of("double", '"', "single", '\'', "\"", '"', "'",
			'\'');

	/** What the user said about the encoding and delimiter only. */
	public CsvOptions(Charset encoding, Character delimiter) {
		this(encoding, delimiter, null, null);
	}

	/**
	 * Reads a delimiter as people write it on a command line or in a YAML file.
	 * @param value a single character, or {@code comma}, {@code semicolon}, {@code tab}
	 * ({@code \t}) or {@code pipe}; {@code null} or empty to sniff it
	 * @return the delimiter, or {@code null} to sniff it
	 * @throws CsvInputException if the value is none of these
	 */
	public static Character delimiter(String value) {
		if (value == null || value.isEmpty()) {
			return null;
		}
		Character named = DELIMITER_NAMES.get(value.strip().toLowerCase(Locale.ROOT));
		if (named != null) {
			return named;
		}
		if (value.length() != 1 || value.charAt(0) == '"' || value.charAt(0) == '\'' || value.charAt(0) == '\n'
				|| value.charAt(0) == '\r') {
			throw new CsvInputException("delimiter '" + value + "'"
					+ " is not one character; use a character such as ';' or one of comma, semicolon, tab, pipe");
		}
		return value.charAt(0);
	}

	/**
	 * Reads a quote character: {@code "} or {@code double}, {@code '} or {@code single};
	 * {@code null} or empty to find it.
	 * @throws CsvInputException if the value is none of these
	 */
	public static Character quote(String value) {
		if (value == null || value.isEmpty()) {
			return null;
		}
		Character named = QUOTE_NAMES.get(value.strip().toLowerCase(Locale.ROOT));
		if (named == null) {
			throw new CsvInputException("quote '" + value + "' is not one we read; use \" (double) or ' (single)");
		}
		return named;
	}

}
