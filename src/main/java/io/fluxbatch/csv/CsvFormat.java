package io.fluxbatch.csv;

import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * How an input file is read: its encoding, delimiter and quote character, and how the
 * encoding was found, so a run can say what it assumed; or, for a workbook, which sheet.
 *
 * @param charset the text encoding
 * @param delimiter the cell separator
 * @param quote the character that quotes a cell
 * @param encodingFoundBy how the encoding was chosen, for the log
 * @param sheet the workbook sheet read, or {@code null} for a CSV
 */
public record CsvFormat(Charset charset, char delimiter, char quote, String encodingFoundBy, String sheet) {

	/** A CSV quoted with {@code "}. */
	public CsvFormat(Charset charset, char delimiter, String encodingFoundBy) {
		this(charset, delimiter, '"', encodingFoundBy, null);
	}

	/** A workbook's sheet. */
	static CsvFormat workbook(String sheet) {
		return new CsvFormat(StandardCharsets.UTF_8, ',', '"', "workbook", sheet);
	}

	CsvFormat with(char delimiter, char quote) {
		return new CsvFormat(this.charset, delimiter, quote, this.encodingFoundBy, this.sheet);
	}

	/** A decoder that fails on bad bytes instead of silently replacing them. */
	CharsetDecoder strictDecoder() {
		return this.charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
	}

	/** The name users know the encoding by, for messages. */
	String encodingName() {
		return encodingName(this.charset);
	}

	static String encodingName(Charset charset) {
		return switch (charset.name()) {
			case "windows-1252" -> "Windows-1252";
			case "x-MacRoman" -> "Mac Roman (x-MacRoman)";
			default -> charset.name();
		};
	}

	/** One phrase for the log, such as {@code Windows-1252 (...), ';' delimiter}. */
	public String describe() {
		if (this.sheet != null) {
			return "sheet '" + this.sheet + "' of an .xlsx workbook";
		}
		String separator = switch (this.delimiter) {
			case '\t' -> "tab";
			case ',' -> "comma";
			case ';' -> "semicolon";
			default -> "'" + this.delimiter + "'";
		};
		String quoted = (this.quote == '"') ? "" : ", cells quoted with " + this.quote;
		return encodingName() + " (" + this.encodingFoundBy + "), " + separator + " delimited" + quoted;
	}

}
