package io.fluxbatch.prompt;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The reference images of an image-to-image row: up to 8 absolute http(s) URLs in one
 * cell, separated by line breaks, {@code |} or spaces.
 */
final class InputUrlsRule {

	static final int MAX_URLS = 8;

	private InputUrlsRule() {
	}

	static List<String> split(String cell) {
		return Arrays.stream(cell.split("[\\s|]+")).filter((url) -> !url.isEmpty()).toList();
	}

	static void check(List<String> urls) throws RowRejection {
		if (urls.size() > MAX_URLS) {
			throw new RowRejection(urls.size() + " input URLs; image-to-image takes at most " + MAX_URLS);
		}
		for (String url : urls) {
			checkOne(url);
		}
	}

	private static void checkOne(String url) throws RowRejection {
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			throw new RowRejection("input URL " + Quoted.value(url) + " is not a valid URL");
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!scheme.equals("http") && !scheme.equals("https")) {
			throw new RowRejection("input URL " + Quoted.value(url) + " must start with http:// or https://");
		}
		if (uri.getHost() == null) {
			throw new RowRejection("input URL " + Quoted.value(url) + " has no host");
		}
	}

}
