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

	INPUT_URLS("input_urls", "inputurls", "inputurl", "imageurls", "referenceurls", "references", "referenceimages",
			"referenceimage"),

	REGENERATE("regenerate", "regenerate"),

	IMAGES("images", "images");

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

	/**
	 * Whether a header cell that names no column looks as if it meant this one
	 * ({@code Image Src}, {@code Reference photos}), so validate can ask.
	 */
	boolean looksLike(String headerCell) {
		String name = normalised(headerCell);
		return switch (this) {
			case PROMPT -> name.contains("prompt");
			case INPUT_URLS -> name.contains("url") || name.contains("reference") || name.contains("imagesrc");
			case ASPECT_RATIO -> name.contains("aspect");
			case RESOLUTION -> name.contains("resolution");
			case MODEL -> name.contains("model");
			default -> false;
		};
	}

	static String normalised(String headerCell) {
		StringBuilder name = new StringBuilder(headerCell.length());
		headerCell.codePoints()
			.filter((c) -> c != '_' && c != '-' && !Character.isWhitespace(c) && !Character.isSpaceChar(c))
			.forEach(name::appendCodePoint);
		return name.toString().toLowerCase(Locale.ROOT);
	}

}
