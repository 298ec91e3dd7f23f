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

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvMalformedLineException;
import com.opencsv.exceptions.CsvValidationException;

/**
 * The records of a spreadsheet CSV in file order, numbered, with blank lines and trailing
 * empty columns left out; shared by the preflight and the step's reader so both see the
 * same rows.
 */
final class CsvRecordSource implements Closeable {

	private static final char BYTE_ORDER_MARK = '\uFEFF';

	private final Path file;

	private final CsvFormat format;

	private final CSVReader reader;

	private final List<String> header;

	private int rows;

	private long recordStartLine;

	private CsvRecordSource(Path file, CsvFormat format, CSVReader reader) {
		this.file = file;
		this.format = format;
		this.reader = reader;
		String[] headerCells = nextNonBlank();
		if (headerCells == null) {
			throw new CsvInputException(TextFileChecks.describe(file)
					+ " is empty (only blank lines); export the sheet with a header row and data rows");
		}
		this.header = headerOf(headerCells);
	}

	/**
	 * Opens the file and reads its header.
	 * @throws CsvInputException if the file cannot be read or has no header
	 */
	static CsvRecordSource open(Path file, CsvFormat format) {
		TextFileChecks.requireReadableFile(file);
		BufferedReader text = null;
		try {
			text = new BufferedReader(new InputStreamReader(Files.newInputStream(file), format.strictDecoder()));
			skipByteOrderMark(text);
			CSVReader reader = new CSVReaderBuilder(text)
				.withCSVParser(new RFC4180ParserBuilder().withSeparator(format.delimiter()).build())
				.build();
			return new CsvRecordSource(file, format, reader);
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

	List<String> header() {
		return this.header;
	}

	/**
	 * Returns the next data record, or {@code null} at the end of the file.
	 * @throws CsvInputException if the rest of the file is malformed or undecodable
	 */
	CsvRecord next() {
		String[] cells = nextNonBlank();
		if (cells == null) {
			return null;
		}
		this.rows++;
		return new CsvRecord(this.rows, this.recordStartLine, cellsOf(cells, this.header.size()));
	}

	private String[] nextNonBlank() {
		while (true) {
			this.recordStartLine = this.reader.getLinesRead() + 1;
			String[] cells = readRecord(this.recordStartLine);
			if (cells == null || !isBlank(cells)) {
				return cells;
			}
		}
	}

	private String[] readRecord(long startLine) {
		try {
			return this.reader.readNext();
		}
		catch (CsvMalformedLineException ex) {
			throw new CsvInputException(
					TextFileChecks.describe(this.file) + " is not a valid CSV: the record starting on line " + startLine
							+ " has a quoted cell that is never closed (a \" is missing or not doubled)",
					ex);
		}
		catch (CharacterCodingException ex) {
			throw TextFileChecks.undecodable(this.file, this.format, ex);
		}
		catch (IOException ex) {
			throw TextFileChecks.cannotRead(this.file, ex);
		}
		catch (CsvValidationException ex) {
			// Only thrown by validators, which we do not install.
			throw new CsvInputException(TextFileChecks.describe(this.file) + " is not a valid CSV near line "
					+ startLine + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public void close() throws IOException {
		this.reader.close();
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

	/** Drops empty cells past the header's width and pads short records up to it. */
	private static List<String> cellsOf(String[] cells, int width) {
		List<String> result = new ArrayList<>(withoutTrailingEmpty(Arrays.asList(cells), width));
		while (result.size() < width) {
			result.add("");
		}
		return result;
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
