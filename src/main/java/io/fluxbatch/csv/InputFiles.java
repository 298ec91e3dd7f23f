package io.fluxbatch.csv;

import java.nio.file.Path;

/**
 * Opens an input file as what it is: an {@code .xlsx} workbook's sheet, or a CSV.
 */
final class InputFiles {

	private InputFiles() {
	}

	/**
	 * @throws CsvInputException if the file cannot be read, is a document we do not read,
	 * or has no header
	 */
	static RecordSource open(Path file, CsvOptions options) {
		TextFileChecks.requireReadableFile(file);
		TextFileChecks.requireNotEmpty(file);
		if (FormatSniffer.kind(file) == FormatSniffer.Kind.XLSX) {
			return WorkbookRecordSource.open(file, options.sheet());
		}
		return CsvRecordSource.open(file, options);
	}

}
