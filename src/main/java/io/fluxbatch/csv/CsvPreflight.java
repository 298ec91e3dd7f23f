package io.fluxbatch.csv;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the whole input file once before the job starts, so that every problem with the
 * file itself stops the run with one clear message instead of failing half way.
 */
public final class CsvPreflight {

	private CsvPreflight() {
	}

	/**
	 * Checks a UTF-8 (BOM tolerated), comma-separated file.
	 * @param file the input file
	 * @return its header and number of data rows
	 * @throws CsvInputException if the file is missing, not a readable file, empty,
	 * binary, undecodable, malformed, or has no data rows
	 */
	public static CsvFileSummary check(Path file) {
		return check(file, CsvFormat.UTF8_COMMA);
	}

	static CsvFileSummary check(Path file, CsvFormat format) {
		TextFileChecks.requireReadableFile(file);
		TextFileChecks.requireNotEmpty(file);
		TextFileChecks.requireNoNulBytes(file);
		TextFileChecks.requireDecodable(file, format);
		try (CsvRecordSource source = CsvRecordSource.open(file, format)) {
			List<String> header = source.header();
			int rows = 0;
			while (source.next() != null) {
				rows++;
			}
			if (rows == 0) {
				throw new CsvInputException(TextFileChecks.describe(file)
						+ " has a header but no data rows; add one row per prompt below the header");
			}
			return new CsvFileSummary(header, rows);
		}
		catch (IOException ex) {
			throw TextFileChecks.cannotRead(file, ex);
		}
	}

}
