package io.fluxbatch.csv;

/**
 * Checks a record's quoting the way RFC 4180 has it, before the parser sees it: the
 * parser accepts a stray {@code "} and then reads on into the following lines, so a
 * hand-edited cell could swallow the rows after it into one prompt.
 */
final class QuotingCheck {

	private static final char QUOTE = '"';

	private QuotingCheck() {
	}

	/**
	 * Says what is wrong with the quoting of {@code text}.
	 * @param text the record's lines, joined with {@code \n}
	 * @param delimiter the cell separator
	 * @param firstLine the file line {@code text} starts on, to name lines in the problem
	 * @return the problem, or {@code null} if there is none
	 */
	static String problem(String text, char delimiter, long firstLine) {
		boolean cellStart = true;
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == QUOTE) {
					if (i + 1 < text.length() && text.charAt(i + 1) == QUOTE) {
						i++;
						continue;
					}
					quoted = false;
					if (i + 1 < text.length() && text.charAt(i + 1) != delimiter && text.charAt(i + 1) != '\n') {
						return "line " + lineOf(text, i, firstLine)
								+ " has text after the closing \" of a quoted cell: double every \" inside a quoted cell";
					}
				}
			}
			else if (cellStart && c == QUOTE) {
				quoted = true;
				cellStart = false;
			}
			else if (c == delimiter || c == '\n') {
				cellStart = true;
			}
			else if (c == QUOTE) {
				return "line " + lineOf(text, i, firstLine)
						+ " has a \" inside a cell that does not start with one: put the cell in quotes and double"
						+ " its \" (\"A 27\"\" frame\")";
			}
			else {
				cellStart = false;
			}
		}
		return quoted ? "a quoted cell that starts on line " + firstLine
				+ " is never closed: a \" is missing, or a \" inside it is not doubled" : null;
	}

	private static long lineOf(String text, int offset, long firstLine) {
		return firstLine + text.substring(0, offset).chars().filter((c) -> c == '\n').count();
	}

}
