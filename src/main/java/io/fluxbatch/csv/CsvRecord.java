package io.fluxbatch.csv;

import java.util.List;

/**
 * One data record of a spreadsheet CSV, with where it came from so problems can be
 * reported against the row and line the user sees.
 *
 * @param row 1-based data row number (the header and blank lines are not counted)
 * @param line 1-based physical line of the file where the record starts (the header is
 * line 1 when the file has no leading blank lines)
 * @param cells the cells, trailing empty ones dropped but padded to the header's width
 * @param problem why the record cannot be read as the header says (broken quoting, more
 * cells than columns), or {@code null}
 */
public record CsvRecord(int row, long line, List<String> cells, String problem) {

	public CsvRecord {
		cells = List.copyOf(cells);
	}

	/** A record read as the header says. */
	public CsvRecord(int row, long line, List<String> cells) {
		this(row, line, cells, null);
	}

	/**
	 * Returns the cell at {@code index}, or {@code ""} past the end of the record.
	 * @param index 0-based column index
	 * @return the cell text, never {@code null}
	 */
	public String cell(int index) {
		return (index < this.cells.size()) ? this.cells.get(index) : "";
	}

}
