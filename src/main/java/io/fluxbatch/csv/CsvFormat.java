package io.fluxbatch.csv;

import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * How the bytes of an input file are to be read; kept apart so that detecting other
 * encodings and delimiters can be added without touching the readers.
 *
 * @param charset the text encoding
 * @param delimiter the cell separator
 */
record CsvFormat(Charset charset, char delimiter) {

	/** What Excel's and Google Sheets' "CSV UTF-8" exports produce. */
	static final CsvFormat UTF8_COMMA = new CsvFormat(StandardCharsets.UTF_8, ',');

	/** A decoder that fails on bad bytes instead of silently replacing them. */
	CharsetDecoder strictDecoder() {
		return this.charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
	}

	/** The name users know the encoding by, for messages. */
	String encodingName() {
		return StandardCharsets.UTF_8.equals(this.charset) ? "UTF-8" : this.charset.displayName();
	}

}
