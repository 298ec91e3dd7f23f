package io.fluxbatch.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Cuts a file's lines into records: a record goes on over further lines while one of its
 * quoted cells is open. A record whose quoting is broken is given back as its first line
 * alone, with the problem, and reading goes on from the next line, so one bad cell costs
 * one row, not the rest of the file. Line breaks inside a cell are kept as the file has
 * them (LF, CRLF or a lone CR), so a prompt reaches the API as the sheet held it.
 */
final class RecordSplitter {

	private static final String EMPTY_ROW = ",;|\t";

	private final BufferedReader text;

	private final Deque<Line> givenBack = new ArrayDeque<>();

	private long linesRead;

	private char delimiter = ',';

	private char quote = '"';

	RecordSplitter(BufferedReader text) {
		this.text = text;
	}

	void delimiter(char delimiter) {
		this.delimiter = delimiter;
	}

	void quote(char quote) {
		this.quote = quote;
	}

	/** The next line that is not blank, left to be read again. */
	Line peekNonBlank() throws IOException {
		Line line = nextNonBlank();
		if (line != null) {
			this.givenBack.push(line);
		}
		return line;
	}

	/** Skips the next non-blank line (one that only gives the delimiter). */
	void skipNonBlank() throws IOException {
		nextNonBlank();
	}

	/** The next record, or {@code null} at the end of the file. */
	RawRecord next() throws IOException {
		Line first = nextNonBlank();
		if (first == null) {
			return null;
		}
		List<Line> lines = new ArrayList<>(List.of(first));
		long quotes = quotes(first.text());
		StringBuilder record = new StringBuilder(first.text());
		Line last = first;
		Line more;
		while (quotes % 2 == 1 && (more = nextLine()) != null) {
			lines.add(more);
			quotes += quotes(more.text());
			record.append(last.ending()).append(more.text());
			last = more;
		}
		String problem = QuotingCheck.problem(record.toString(), this.delimiter, this.quote, first.number());
		if (problem == null) {
			return new RawRecord(first.number(), record.toString(), null);
		}
		for (int i = lines.size() - 1; i > 0; i--) {
			this.givenBack.push(lines.get(i));
		}
		// The first line is where the record went wrong: a stray quote, or a quoted cell
		// that nothing closes properly.
		return new RawRecord(first.number(), first.text(),
				QuotingCheck.problem(first.text(), this.delimiter, this.quote, first.number()));
	}

	private Line nextNonBlank() throws IOException {
		Line line;
		do {
			line = nextLine();
		}
		while (line != null && isBlank(line.text()));
		return line;
	}

	/** Empty rows, as spreadsheets export them: nothing, spaces or only delimiters. */
	private static boolean isBlank(String line) {
		return line.chars().allMatch((c) -> Character.isWhitespace(c) || EMPTY_ROW.indexOf(c) >= 0);
	}

	private Line nextLine() throws IOException {
		if (!this.givenBack.isEmpty()) {
			return this.givenBack.pop();
		}
		// Breaks counted as BufferedReader.readLine counts them (LF, CRLF or a lone CR),
		// but each kept, for the cells that hold one.
		StringBuilder line = new StringBuilder();
		for (int c = this.text.read(); c >= 0; c = this.text.read()) {
			if (c == '\n') {
				return new Line(++this.linesRead, line.toString(), "\n");
			}
			if (c == '\r') {
				this.text.mark(1);
				if (this.text.read() == '\n') {
					return new Line(++this.linesRead, line.toString(), "\r\n");
				}
				this.text.reset();
				return new Line(++this.linesRead, line.toString(), "\r");
			}
			line.append((char) c);
		}
		return (line.length() > 0) ? new Line(++this.linesRead, line.toString(), "") : null;
	}

	private long quotes(String line) {
		return line.chars().filter((c) -> c == this.quote).count();
	}

	/** One line of the file, its 1-based number and the break that ends it. */
	record Line(long number, String text, String ending) {
	}

	/**
	 * A record's text as it stands in the file.
	 *
	 * @param line the file line it starts on
	 * @param text its lines joined with the breaks between them
	 * @param problem what is wrong with its quoting, or {@code null}
	 */
	record RawRecord(long line, String text, String problem) {
	}

}
