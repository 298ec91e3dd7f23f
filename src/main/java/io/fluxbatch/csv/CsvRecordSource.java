package io.fluxbatch.csv;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import com.opencsv.RFC4180Parser;
import com.opencsv.RFC4180ParserBuilder;

/**
 * The records of a spreadsheet CSV in file order, numbered, with blank lines and trailing
 * empty columns left out; shared by the preflight and the step's reader so both see the
 * same rows. A record that cannot be read as the header says (broken quoting, more cells
 * than columns) comes with its problem, so that row is rejected and the others go on.
 */
final class CsvRecordSource implements Closeable {

	private static final char BYTE_ORDER_MARK = '\uFEFF';

	/** Excel's own hint line naming the delimiter, such as {@code sep=;}. */
	private static final Pattern SEPARATOR_HINT = Pattern.compile("^sep=(.)$");

	private static final char[] SNIFFED = { ',', ';', '\t', '|' };

	private final Path file;

	private final CsvFormat format;

	private final BufferedReader text;

	private final RecordSplitter records;

	private final RFC4180Parser parser;

	private final List<String> header;

	private int rows;

	private CsvRecordSource(Path file, CsvFormat format, BufferedReader text, RecordSplitter records)
			throws IOException {
		this.file = file;
		this.format = format;
		this.text = text;
		this.records = records;
		this.records.delimiter(format.delimiter());
		this.parser = new RFC4180ParserBuilder().withSeparator(format.delimiter()).build();
		RecordSplitter.RawRecord headerRecord = records.next();
		if (headerRecord == null) {
			throw new CsvInputException(TextFileChecks.describe(file)
					+ " is empty (only blank lines); export the sheet with a header row and data rows");
		}
		if (headerRecord.problem() != null) {
			throw new CsvInputException(TextFileChecks.describe(file) + " has a header row that is not valid CSV: "
					+ headerRecord.problem());
		}
		this.header = headerOf(this.parser.parseLine(headerRecord.text()));
		if (this.header.isEmpty()) {
			throw new CsvInputException(TextFileChecks.describe(file) + " has no column names in its header row (line "
					+ headerRecord.line() + "); the first row must name the columns, one of them 'prompt'");
		}
	}

	/**
	 * Opens the file, finds its encoding and delimiter unless {@code options} name them,
	 * and reads its header.
	 * @throws CsvInputException if the file cannot be read or has no header
	 */
	static CsvRecordSource open(Path file, CsvOptions options) {
		TextFileChecks.requireReadableFile(file);
		TextFileChecks.requireNotEmpty(file);
		CsvFormat encoding = EncodingDetection.detect(file, options.encoding());
		BufferedReader text = null;
		try {
			text = new BufferedReader(new InputStreamReader(Files.newInputStream(file), encoding.strictDecoder()));
			skipByteOrderMark(text);
			RecordSplitter records = new RecordSplitter(text);
			CsvFormat format = new CsvFormat(encoding.charset(), delimiter(records, options),
					encoding.encodingFoundBy());
			return new CsvRecordSource(file, format, text, records);
		}
		catch (CharacterCodingException ex) {
			closeQuietly(text);
			throw TextFileChecks.undecodable(file, encoding, ex);
		}
		catch (IOException ex) {
			closeQuietly(text);
			throw TextFileChecks.cannotRead(file, ex);
		}
		catch (RuntimeException ex) {
			closeQuietly(text);
			throw ex;
		}
	}

	List<String> header() {
		return this.header;
	}

	CsvFormat format() {
		return this.format;
	}

	/**
	 * Returns the next data record, or {@code null} at the end of the file.
	 * @throws CsvInputException if the rest of the file cannot be read or decoded
	 */
	CsvRecord next() {
		try {
			RecordSplitter.RawRecord raw;
			String[] cells;
			do {
				raw = this.records.next();
				if (raw == null) {
					return null;
				}
				cells = (raw.problem() != null) ? raw.text().split(Pattern.quote(String.valueOf(delimiter())), -1)
						: this.parser.parseLine(raw.text());
			}
			while (isBlank(cells));
			this.rows++;
			return record(raw, cells);
		}
		catch (CharacterCodingException ex) {
			throw TextFileChecks.undecodable(this.file, this.format, ex);
		}
		catch (IOException ex) {
			throw TextFileChecks.cannotRead(this.file, ex);
		}
	}

	@Override
	public void close() throws IOException {
		this.text.close();
	}

	private char delimiter() {
		return this.format.delimiter();
	}

	private CsvRecord record(RecordSplitter.RawRecord raw, String[] cells) {
		List<String> kept = withoutTrailingEmpty(Arrays.asList(cells), 0);
		int width = this.header.size();
		String problem = raw.problem();
		if (problem == null && kept.size() > width) {
			problem = "line " + raw.line() + " has " + kept.size() + " cells but the header has " + width
					+ " columns: a cell that holds the delimiter " + delimiterName() + " must be in quotes";
		}
		return new CsvRecord(this.rows, raw.line(), fitted(kept, width), problem);
	}

	/**
	 * Pads a record to the header's width; cells past it are kept in the last column, so
	 * a rejected row loses nothing of what the user wrote.
	 */
	private List<String> fitted(List<String> cells, int width) {
		List<String> fitted = new ArrayList<>(cells.subList(0, Math.min(width, cells.size())));
		if (cells.size() > width) {
			List<String> rest = cells.subList(width - 1, cells.size());
			fitted.set(width - 1, String.join(String.valueOf(delimiter()), rest));
		}
		while (fitted.size() < width) {
			fitted.add("");
		}
		return fitted;
	}

	private String delimiterName() {
		return (delimiter() == '\t') ? "tab" : "'" + delimiter() + "'";
	}

	/**
	 * The delimiter the user named, or the one Excel's {@code sep=} line names, or the
	 * one the header line uses most.
	 */
	private static char delimiter(RecordSplitter records, CsvOptions options) throws IOException {
		RecordSplitter.Line first = records.peekNonBlank();
		if (first != null) {
			var hint = SEPARATOR_HINT.matcher(first.text().strip());
			if (hint.matches()) {
				records.skipNonBlank();
				return (options.delimiter() != null) ? options.delimiter() : hint.group(1).charAt(0);
			}
		}
		if (options.delimiter() != null) {
			return options.delimiter();
		}
		return (first != null) ? mostUsedOutsideQuotes(first.text()) : ',';
	}

	private static char mostUsedOutsideQuotes(String line) {
		int[] counts = new int[SNIFFED.length];
		boolean quoted = false;
		for (char c : line.toCharArray()) {
			if (c == '"') {
				quoted = !quoted;
			}
			for (int i = 0; !quoted && i < SNIFFED.length; i++) {
				if (c == SNIFFED[i]) {
					counts[i]++;
				}
			}
		}
		int best = 0;
		for (int i = 1; i < SNIFFED.length; i++) {
			if (counts[i] > counts[best]) {
				best = i;
			}
		}
		return SNIFFED[best];
	}

	private static void skipByteOrderMark(BufferedReader text) throws IOException {
		text.mark(1);
		if (text.read() != BYTE_ORDER_MARK) {
			text.reset();
		}
	}

	private static boolean isBlank(String[] cells) {
		return Arrays.stream(cells).allMatch(String::isBlank);
	}

	private static List<String> headerOf(String[] cells) {
		List<String> trimmed = new ArrayList<>(cells.length);
		for (String cell : cells) {
			trimmed.add(cell.strip());
		}
		return List.copyOf(withoutTrailingEmpty(trimmed, 0));
	}

	private static List<String> withoutTrailingEmpty(List<String> cells, int keep) {
		int end = cells.size();
		while (end > keep && cells.get(end - 1).isEmpty()) {
			end--;
		}
		return cells.subList(0, end);
	}

	private static void closeQuietly(Closeable closeable) {
		if (closeable != null) {
			try {
				closeable.close();
			}
			catch (IOException ex) {
				// Already failing with a more useful exception.
			}
		}
	}

}
