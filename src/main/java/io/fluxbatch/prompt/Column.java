package io.fluxbatch.prompt;

import java.util.Locale;
import java.util.Set;

/**
 * The input columns the job understands, each with the header names users write for it.
 */
public enum Column {

	PROMPT("prompt", "prompt"),

	KEY("id", "id", "key", "sku"),

	MODEL("model", "model"),

	RESOLUTION("resolution", "resolution"),

	ASPECT_RATIO("aspect_ratio", "aspectratio", "aspect", "ratio"),

	INPUT_URLS("input_urls", "inputurls", "inputurl", "imageurls", "referenceurls", "references"),

	REGENERATE("regenerate", "regenerate");

	private final String displayName;

	private final Set<String> names;

	Column(String displayName, String... names) {
		this.displayName = displayName;
		this.names = Set.of(names);
	}

	/** The name used in messages. */
	String displayName() {
		return this.displayName;
	}

	/** Whether a header cell names this column, whatever its case, spaces, _ or -. */
	boolean isNamedBy(String headerCell) {
		return this.names.contains(normalised(headerCell));
	}

	private static String normalised(String headerCell) {
		StringBuilder name = new StringBuilder(headerCell.length());
		headerCell.codePoints()
			.filter((c) -> c != '_' && c != '-' && !Character.isWhitespace(c) && !Character.isSpaceChar(c))
			.forEach(name::appendCodePoint);
		return name.toString().toLowerCase(Locale.ROOT);
	}

}
