package io.fluxbatch.csv;

import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;

/**
 * How the bytes of an input file are read: its encoding and delimiter, and how each was
 * found, so a run can say what it assumed.
 *
 * @param charset the text encoding
 * @param delimiter the cell separator
 * @param encodingFoundBy how the encoding was chosen, for the log
 */
public record CsvFormat(Charset charset, char delimiter, String encodingFoundBy) {

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
		return "windows-1252".equals(charset.name()) ? "Windows-1252" : charset.name();
	}

	/** One phrase for the log, such as {@code Windows-1252 (...), ';' delimiter}. */
	public String describe() {
		String separator = switch (this.delimiter) {
			case '\t' -> "tab";
			case ',' -> "comma";
			case ';' -> "semicolon";
			default -> "'" + this.delimiter + "'";
		};
		return encodingName() + " (" + this.encodingFoundBy + "), " + separator + " delimited";
	}

}
