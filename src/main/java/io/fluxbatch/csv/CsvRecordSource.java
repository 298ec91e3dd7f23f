package io.fluxbatch.csv;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
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
 * than columns) comes with its problem, so that row is rejected and the others go on. A
 * column with content but no header cell (a note or helper formula beside the table) is
 * kept, named by its position. A rejects.csv fed back gets the {@code '} back off the
 * cells our writer neutralised.
 */
final class CsvRecordSource implements RecordSource {

	private static final char BYTE_ORDER_MARK = '\uFEFF';

	/** Excel's own hint line naming the delimiter, such as {@code sep=;}. */
	private static final Pattern SEPARATOR_HINT = Pattern.compile("^sep=(.)$");

	private static final int SAMPLE = 64 * 1024;

	/** The columns RunReport adds to rejects.csv: a file ending with them is fed back. */
	private static final List<String> REJECTS_COLUMNS = List.of("line", "reason");

	private final Path file;

	private final CsvFormat format;

	private final BufferedReader text;

	private final RecordSplitter records;

	private final RFC4180Parser parser;

	private final List<String> header;

	private final boolean fedBack;

	private final int namedWidth;

	private int rows;

	private int widest;

	private CsvRecordSource(Path file, CsvFormat format, BufferedReader text, RecordSplitter records, Integer width)
			throws IOException {
		this.file = file;
		this.format = format;
		this.text = text;
		this.records = records;
		this.records.delimiter(format.delimiter());
		this.records.quote(format.quote());
		this.parser = new RFC4180ParserBuilder().withSeparator(format.delimiter())
			.withQuoteChar(format.quote())
			.build();
		RecordSplitter.RawRecord headerRecord = records.next();
		if (headerRecord == null) {
			throw new CsvInputException(TextFileChecks.describe(file)
					+ " is empty (only blank lines); export the sheet with a header row and data rows");
		}
		if (headerRecord.problem() != null) {
			throw new CsvInputException(TextFileChecks.describe(file) + " has a header row that is not valid CSV: "
					+ headerRecord.problem());
		}
		List<String> cells = trimmed(this.parser.parseLine(headerRecord.text()));
		int named = withoutTrailingEmpty(cells, 0).size();
		if (named == 0) {
			throw new CsvInputException(TextFileChecks.describe(file) + " has no column names in its header row (line "
					+ headerRecord.line() + "); the first row must name the columns");
		}
		this.namedWidth = named;
		this.header = Headers.named(cells.subList(0, Math.min(cells.size(), Math.max(named, width))));
		this.fedBack = this.header.size() >= 2
				&& this.header.subList(this.header.size() - 2, this.header.size()).equals(REJECTS_COLUMNS);
	}

	/**
	 * Opens the file, finds its encoding, delimiter and quote unless {@code options} name
	 * them, and reads its header. Header cells left empty name columns by their position
	 * when a row has content there.
	 * @throws CsvInputException if the file cannot be read or has no header
	 */
	static CsvRecordSource open(Path file, CsvOptions options) {
		TextFileChecks.requireReadableFile(file);
		TextFileChecks.requireNotEmpty(file);
		CsvFormat encoding = EncodingDetection.detect(file, options.encoding());
		CsvFormat format = layout(file, encoding, options);
		CsvRecordSource source = open(file, format, Integer.MAX_VALUE);
		int unnamedAtEnd = source.header.size() - source.namedWidth;
		if (unnamedAtEnd == 0) {
			return source;
		}
		// Excel and LibreOffice write empty header cells for every column of the used
		// range: only those a row fills are columns.
		int width;
		try (source) {
			while (source.next() != null) {
				// Reading is all it takes.
			}
			width = source.widest;
		}
		catch (IOException ex) {
			throw TextFileChecks.cannotRead(file, ex);
		}
		return open(file, format, width);
	}

	private static CsvRecordSource open(Path file, CsvFormat format, int width) {
		BufferedReader text = null;
		try {
			text = new BufferedReader(new InputStreamReader(Files.newInputStream(file), format.strictDecoder()));
			skipByteOrderMark(text);
			RecordSplitter records = new RecordSplitter(text);
			if (hint(records.peekNonBlank()) != null) {
				records.skipNonBlank();
			}
			return new CsvRecordSource(file, format, text, records, width);
		}
		catch (CharacterCodingException ex) {
			closeQuietly(text);
			throw TextFileChecks.undecodable(file, format, ex);
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

	/**
	 * The delimiter the user named, or the one Excel's {@code sep=} line names, or the
	 * one under which the first records are most consistent; the same for the quote.
	 */
	private static CsvFormat layout(Path file, CsvFormat encoding, CsvOptions options) {
		String sample = sample(file, encoding);
		int start = (!sample.isEmpty() && sample.charAt(0) == BYTE_ORDER_MARK) ? 1 : 0;
		String firstLine = sample.substring(start).lines().filter((line) -> !line.isBlank()).findFirst().orElse("");
		Character hinted = hint(new RecordSplitter.Line(1, firstLine, "\n"));
		Character delimiter = (options.delimiter() != null) ? options.delimiter() : hinted;
		if (hinted != null) {
			int at = sample.indexOf(firstLine);
			start = at + firstLine.length();
		}
		DelimiterSniffer.Layout layout = DelimiterSniffer.sniff(sample.substring(start), delimiter, options.quote());
		return encoding.with(layout.delimiter(), layout.quote());
	}

	private static Character hint(RecordSplitter.Line first) {
		if (first == null) {
			return null;
		}
		var hint = SEPARATOR_HINT.matcher(first.text().strip());
		return hint.matches() ? hint.group(1).charAt(0) : null;
	}

	private static String sample(Path file, CsvFormat encoding) {
		try (InputStream in = Files.newInputStream(file)) {
			return new String(in.readNBytes(SAMPLE), encoding.charset());
		}
		catch (IOException ex) {
			throw TextFileChecks.cannotRead(file, ex);
		}
	}

	@Override
	public List<String> header() {
		return this.header;
	}

	@Override
	public CsvFormat format() {
		return this.format;
	}

	/**
	 * Returns the next data record, or {@code null} at the end of the file.
	 * @throws CsvInputException if the rest of the file cannot be read or decoded
	 */
	@Override
	public CsvRecord next() {
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
		this.widest = Math.max(this.widest, kept.size());
		if (this.fedBack) {
			kept = kept.stream().map(CsvTableWriter::restored).toList();
		}
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

	private static void skipByteOrderMark(BufferedReader text) throws IOException {
		text.mark(1);
		if (text.read() != BYTE_ORDER_MARK) {
			text.reset();
		}
	}

	private static boolean isBlank(String[] cells) {
		return Arrays.stream(cells).allMatch(String::isBlank);
	}

	private static List<String> trimmed(String[] cells) {
		List<String> trimmed = new ArrayList<>(cells.length);
		for (String cell : cells) {
			trimmed.add(cell.strip());
		}
		return trimmed;
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
