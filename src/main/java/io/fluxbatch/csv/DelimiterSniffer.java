package io.fluxbatch.csv;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds a file's delimiter and quote character from its first records: the pair under
 * which the data rows have as many cells as the header, with the fewest quoting problems.
 * Counting characters in the header line alone is fooled by header names that hold
 * another candidate ({@code Maße (B, H, T)} in a {@code ;} file), and a file quoted with
 * {@code '} read as if quoted with {@code "} splits its cells at every delimiter inside
 * them.
 */
final class DelimiterSniffer {

	static final char[] DELIMITERS = { ',', ';', '\t', '|' };

	private static final int RECORDS = 50;

	private DelimiterSniffer() {
	}

	/**
	 * The delimiter and quote that read {@code sample} most consistently.
	 * @param sample the file's first characters (after any byte order mark and
	 * {@code sep=} line)
	 * @param delimiter the delimiter the user named, or {@code null} to find it
	 * @param quote the quote the user named, or {@code null} to find it
	 */
	static Layout sniff(String sample, Character delimiter, Character quote) {
		Best doubleQuoted = best(sample, delimiter, '"');
		if (quote != null) {
			return (quote == '"') ? doubleQuoted.layout() : best(sample, delimiter, quote).layout();
		}
		// LibreOffice's ' quotes every cell it quotes: a file with a cell quoted with "
		// is
		// not one, however its stray quotes read.
		Best singleQuoted = best(sample, delimiter, '\'');
		boolean single = doubleQuoted.score().quotedCells() == 0 && singleQuoted.score().quotedCells() > 0
				&& !doubleQuoted.score().betterThan(singleQuoted.score());
		return single ? singleQuoted.layout() : doubleQuoted.layout();
	}

	private static Best best(String sample, Character delimiter, char quote) {
		if (delimiter != null) {
			return new Best(new Layout(delimiter, quote), score(sample, delimiter, quote));
		}
		Best best = null;
		for (char d : DELIMITERS) {
			Score score = score(sample, d, quote);
			if (best == null || score.betterThan(best.score())) {
				best = new Best(new Layout(d, quote), score);
			}
		}
		return best;
	}

	private record Best(Layout layout, Score score) {
	}

	private static Score score(String sample, char delimiter, char quote) {
		List<int[]> records = records(sample, delimiter, quote);
		if (records.isEmpty()) {
			return new Score(0, 0, 0, 0);
		}
		int width = records.get(0)[0];
		int consistent = 0;
		int quotedCells = records.get(0)[1];
		int problems = records.get(0)[2];
		for (int[] record : records.subList(1, records.size())) {
			if (record[0] == width && record[2] == 0) {
				consistent++;
			}
			quotedCells += record[1];
			problems += record[2];
		}
		return new Score((width > 1) ? consistent : 0, width, quotedCells, problems);
	}

	/**
	 * Each record's cell count, quoted cells and quoting problems; the last record is
	 * left out when the sample may have cut it.
	 */
	private static List<int[]> records(String sample, char delimiter, char quote) {
		List<int[]> records = new ArrayList<>();
		int cells = 1;
		int quoted = 0;
		int problems = 0;
		boolean inQuotes = false;
		boolean cellStart = true;
		boolean blank = true;
		for (int i = 0; i < sample.length() && records.size() < RECORDS; i++) {
			char c = sample.charAt(i);
			if (inQuotes) {
				if (c == quote) {
					if (i + 1 < sample.length() && sample.charAt(i + 1) == quote) {
						i++;
					}
					else {
						inQuotes = false;
						char next = (i + 1 < sample.length()) ? sample.charAt(i + 1) : '\n';
						if (next != delimiter && next != '\n' && next != '\r') {
							problems++;
						}
					}
				}
				continue;
			}
			if (c == '\n' || c == '\r') {
				if (c == '\r' && i + 1 < sample.length() && sample.charAt(i + 1) == '\n') {
					i++;
				}
				if (!blank) {
					records.add(new int[] { cells, quoted, problems });
				}
				cells = 1;
				quoted = 0;
				problems = 0;
				cellStart = true;
				blank = true;
			}
			else if (c == delimiter) {
				cells++;
				cellStart = true;
			}
			else if (cellStart && c == quote) {
				inQuotes = true;
				quoted++;
				cellStart = false;
				blank = false;
			}
			else {
				if (c == quote) {
					problems++;
				}
				cellStart = false;
				blank &= Character.isWhitespace(c) || "|,;".indexOf(c) >= 0;
			}
		}
		return records;
	}

	/** A delimiter and the character that quotes cells. */
	record Layout(char delimiter, char quote) {
	}

	/**
	 * How well a candidate reads the sample: data rows as wide as the header, less
	 * problems; then a wider header; then more quoted cells (a file quoted with {@code '}
	 * has them only under {@code '}).
	 */
	private record Score(int consistent, int width, int quotedCells, int problems) {

		boolean betterThan(Score other) {
			if (this.consistent != other.consistent) {
				return this.consistent > other.consistent;
			}
			if (this.width != other.width) {
				return this.width > other.width;
			}
			return this.quotedCells > other.quotedCells;
		}

	}

}
