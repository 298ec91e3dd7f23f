package io.fluxbatch.csv;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * The records of one sheet of an {@code .xlsx} workbook, read directly: each cell as the
 * spreadsheet shows it (text kept as typed, leading zeros included; numbers and dates in
 * their cell's format; formulas by the value the spreadsheet last computed; error values
 * such as {@code #N/A} as their text, for the rules to reject). A record's line is its
 * sheet row number, so messages and rejects.csv point at the row the user sees.
 */
final class WorkbookRecordSource implements RecordSource {

	private final Workbook workbook;

	private final Sheet sheet;

	private final DataFormatter formatter = new DataFormatter(Locale.ROOT);

	private final List<String> header;

	private int nextRow;

	private int rows;

	private WorkbookRecordSource(Path file, Workbook workbook, Sheet sheet) {
		this.workbook = workbook;
		this.sheet = sheet;
		// What the sheet showed when it was saved, not what POI would compute again.
		this.formatter.setUseCachedValuesForFormulaCells(true);
		int first = this.sheet.getFirstRowNum();
		int last = this.sheet.getLastRowNum();
		int headerRow = first;
		while (headerRow <= last && isBlank(cells(this.sheet.getRow(headerRow), -1))) {
			headerRow++;
		}
		if (first < 0 || headerRow > last) {
			throw new CsvInputException(
					TextFileChecks.describe(file) + " has nothing in sheet '" + this.sheet.getSheetName()
							+ "'; put a header row and data rows in it, or name another with --sheet");
		}
		List<String> named = cells(this.sheet.getRow(headerRow), -1).stream().map(String::strip).toList();
		int width = named.size();
		for (int i = headerRow + 1; i <= last; i++) {
			width = Math.max(width, cells(this.sheet.getRow(i), -1).size());
		}
		List<String> header = new ArrayList<>(named);
		while (header.size() < width) {
			header.add("");
		}
		this.header = Headers.named(header);
		this.nextRow = headerRow + 1;
	}

	/**
	 * Opens a workbook's sheet: the one named, or the first.
	 * @throws CsvInputException if the workbook cannot be read or has no such sheet
	 */
	static WorkbookRecordSource open(Path file, String sheetName) {
		Workbook workbook;
		try {
			workbook = WorkbookFactory.create(file.toFile(), null, true);
		}
		catch (IOException | RuntimeException ex) {
			throw new CsvInputException(
					TextFileChecks.describe(file) + " cannot be read as an .xlsx workbook (" + ex.getMessage()
							+ "); open it in the spreadsheet and save it again, or save the sheet as \"CSV UTF-8\"",
					ex);
		}
		Sheet sheet = (sheetName != null) ? workbook.getSheet(sheetName) : workbook.getSheetAt(0);
		if (sheet == null) {
			StringJoiner names = new StringJoiner("', '", "'", "'");
			workbook.forEach((each) -> names.add(each.getSheetName()));
			closeQuietly(workbook);
			throw new CsvInputException(TextFileChecks.describe(file) + " has no sheet '" + sheetName
					+ "' (its sheets: " + names + "); name one of them with --sheet");
		}
		try {
			return new WorkbookRecordSource(file, workbook, sheet);
		}
		catch (RuntimeException ex) {
			closeQuietly(workbook);
			throw ex;
		}
	}

	@Override
	public List<String> header() {
		return this.header;
	}

	@Override
	public CsvFormat format() {
		return CsvFormat.workbook(this.sheet.getSheetName());
	}

	@Override
	public CsvRecord next() {
		int last = this.sheet.getLastRowNum();
		while (this.nextRow <= last) {
			Row row = this.sheet.getRow(this.nextRow++);
			List<String> cells = cells(row, this.header.size());
			if (!isBlank(cells)) {
				return new CsvRecord(++this.rows, row.getRowNum() + 1L, cells);
			}
		}
		return null;
	}

	@Override
	public void close() throws IOException {
		this.workbook.close();
	}

	/** A row's cells as shown, to {@code width} (or its last cell when -1). */
	private List<String> cells(Row row, int width) {
		List<String> cells = new ArrayList<>();
		if (row == null) {
			return pad(cells, width);
		}
		int end = (width < 0) ? Math.max(row.getLastCellNum(), 0) : width;
		for (int i = 0; i < end; i++) {
			Cell cell = row.getCell(i);
			cells.add((cell != null) ? this.formatter.formatCellValue(cell) : "");
		}
		if (width < 0) {
			int kept = cells.size();
			while (kept > 0 && cells.get(kept - 1).isEmpty()) {
				kept--;
			}
			return new ArrayList<>(cells.subList(0, kept));
		}
		return cells;
	}

	private static List<String> pad(List<String> cells, int width) {
		while (cells.size() < width) {
			cells.add("");
		}
		return cells;
	}

	private static boolean isBlank(List<String> cells) {
		return cells.stream().allMatch(String::isBlank);
	}

	private static void closeQuietly(Workbook workbook) {
		try {
			workbook.close();
		}
		catch (IOException ex) {
			// Already failing with a more useful exception.
		}
	}

}
