package io.fluxbatch.prompt;

import java.util.regex.Pattern;

import org.jsoup.Jsoup;

/**
 * The text a cell of HTML shows (a product's {@code Body (HTML)}), as a prompt takes it:
 * tags dropped, entities decoded, white space collapsed. jsoup parses HTML as browsers
 * do, which no regular expression does.
 */
final class HtmlText {

	/** A tag, a comment or an entity: what tells HTML from plain text. */
	private static final Pattern MARKUP = Pattern.compile("<[A-Za-z/!][^>]*>|&(#\\d+|#x[0-9A-Fa-f]+|[A-Za-z]+);");

	private HtmlText() {
	}

	/** The cell's text: as written when it holds no markup, else what HTML shows. */
	static String of(String cell) {
		if (!MARKUP.matcher(cell).find()) {
			return cell;
		}
		return Jsoup.parseBodyFragment(cell).body().text();
	}

}
