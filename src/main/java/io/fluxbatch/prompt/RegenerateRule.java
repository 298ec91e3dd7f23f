package io.fluxbatch.prompt;

import java.util.Locale;
import java.util.Set;

/**
 * The {@code regenerate} cell: a row marked yes gets a new image even when the library
 * holds one for the same prompt. A value that is neither yes nor no rejects the row,
 * because guessing could either pay for an image nobody asked for or keep one somebody
 * wanted replaced.
 */
final class RegenerateRule {

	private static final Set<String> YES = Set.of("yes", "y", "true", "1", "x");

	private static final Set<String> NO = Set.of("", "no", "n", "false", "0");

	private RegenerateRule() {
	}

	static boolean check(String cell) throws RowRejection {
		String value = cell.strip().toLowerCase(Locale.ROOT);
		if (YES.contains(value)) {
			return true;
		}
		if (NO.contains(value)) {
			return false;
		}
		throw new RowRejection("regenerate " + Quoted.value(cell.strip())
				+ " is neither yes nor no; write yes (or true, 1, x) to get a new image, or leave it blank");
	}

}
