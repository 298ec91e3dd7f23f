package io.fluxbatch.csv;

/**
 * Checks a record's quoting the way RFC 4180 has it, before the parser sees it: the
 * parser accepts a stray quote and then reads on into the following lines, so a
 * hand-edited cell could swallow the rows after it into one prompt.
 */
final class QuotingCheck {

	private QuotingCheck() {
	}

	/**
	 * Says what is wrong with the quoting of {@code text}.
	 * @param text the record's lines, joined with their line breaks
	 * @param delimiter the cell separator
	 * @param quote the character that quotes a cell ({@code "}, or {@code '} that
	 * LibreOffice also offers)
	 * @param firstLine the file line {@code text} starts on, to name lines in the problem
	 * @return the problem, or {@code null} if there is none
	 */
	static String problem(String text, char delimiter, char quote, long firstLine) {
		boolean cellStart = true;
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == quote) {
					if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
						i++;
						continue;
					}
					quoted = false;
					if (i + 1 < text.length() && text.charAt(i + 1) != delimiter && !isBreak(text.charAt(i + 1))) {
						return "line " + lineOf(text, i, firstLine) + " has text after the closing " + quote
								+ " of a quoted cell: double every " + quote + " inside a quoted cell";
					}
				}
			}
			else if (cellStart && c == quote) {
				quoted = true;
				cellStart = false;
			}
			else if (c == delimiter || isBreak(c)) {
				cellStart = true;
			}
			else if (c == quote) {
				return "line " + lineOf(text, i, firstLine) + " has a " + quote
						+ " inside a cell that does not start with one: put the cell in quotes and double its " + quote
						+ " (" + quote + "A 27" + quote + quote + " frame" + quote + ")";
			}
			else {
				cellStart = false;
			}
		}
		return quoted ? "a quoted cell that starts on line " + firstLine + " is never closed: a " + quote
				+ " is missing, or a " + quote + " inside it is not doubled" : null;
	}

	private static boolean isBreak(char c) {
		return c == '\n' || c == '\r';
	}

	private static long lineOf(String text, int offset, long firstLine) {
		String before = text.substring(0, offset).replace("\r\n", "\n");
		return firstLine + before.chars().filter((c) -> isBreak((char) c)).count();
	}

}
