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
	 * Checks a file, finding its encoding and delimiter unless {@code options} name them.
	 * @param file the input file
	 * @param options the encoding and delimiter the user named, if any
	 * @return its header, number of data rows and format
	 * @throws CsvInputException if the file is missing, not a readable file, empty, not
	 * text, undecodable, or has no data rows
	 */
	public static CsvFileSummary check(Path file, CsvOptions options) {
		try (RecordSource source = InputFiles.open(file, options)) {
			List<String> header = source.header();
			int rows = 0;
			while (source.next() != null) {
				rows++;
			}
			if (rows == 0) {
				throw new CsvInputException(TextFileChecks.describe(file)
						+ " has a header but no data rows; add one row per prompt below the header");
			}
			return new CsvFileSummary(header, rows, source.format());
		}
		catch (IOException ex) {
			throw TextFileChecks.cannotRead(file, ex);
		}
	}

}
