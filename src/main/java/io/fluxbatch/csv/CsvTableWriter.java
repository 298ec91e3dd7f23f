package io.fluxbatch.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import com.opencsv.CSVWriter;

/**
 * Writes one of our output CSVs (results, rejects, totals) so any spreadsheet opens it
 * right and safely: UTF-8, with a BOM unless asked not to (without it Excel guesses a
 * legacy encoding), comma, RFC 4180 quoting, CRLF line ends, and cells that a spreadsheet
 * would run as a formula neutralised with a leading apostrophe.
 */
public final class CsvTableWriter implements Closeable {

	private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

	private final CSVWriter csv;

	/**
	 * Creates or truncates {@code file}; the caller handles writing to a temporary file
	 * and moving it into place.
	 * @param file where to write
	 * @param byteOrderMark whether to start with a UTF-8 byte order mark (what Excel
	 * needs to open the file as UTF-8)
	 * @throws UncheckedIOException if the file cannot be created
	 */
	public CsvTableWriter(Path file, boolean byteOrderMark) {
		try {
			Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
			if (byteOrderMark) {
				out.write('\uFEFF');
			}
			this.csv = new CSVWriter(out, ',', '"', '"', "\r\n");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write " + file, ex);
		}
	}

	/**
	 * Writes one row; {@code null} cells are written empty.
	 * @param cells the cells
	 * @throws UncheckedIOException if writing fails
	 */
	public void writeRow(List<String> cells) {
		this.csv.writeNext(cells.stream().map(CsvTableWriter::neutralised).toArray(String[]::new), false);
		// CSVWriter keeps write errors to itself; surface them at the row that failed.
		if (this.csv.getException() != null) {
			throw new UncheckedIOException(this.csv.getException());
		}
	}

	@Override
	public void close() {
		try {
			this.csv.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A cell of a rejects.csv fed back, without the {@code '} this writer put before it:
	 * only a cell that is exactly {@code '} and a text this writer would neutralise.
	 */
	static String restored(String cell) {
		if (cell.length() > 1 && cell.charAt(0) == '\'') {
			String original = cell.substring(1);
			if (neutralised(original).equals(cell)) {
				return original;
			}
		}
		return cell;
	}

	private static String neutralised(String cell) {
		if (cell == null || cell.isEmpty()) {
			return "";
		}
		// A spreadsheet skips a leading tab or carriage return before it looks for a
		// formula, so "\t=HYPERLINK(...)" runs as one.
		int first = 0;
		while (first < cell.length() - 1 && (cell.charAt(first) == '\t' || cell.charAt(first) == '\r')) {
			first++;
		}
		boolean formulaStart = "=+-@".indexOf(cell.charAt(first)) >= 0;
		return (formulaStart && !PLAIN_NUMBER.matcher(cell).matches()) ? "'" + cell : cell;
	}

}
