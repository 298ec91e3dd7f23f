package io.fluxbatch.csv;

import java.io.Closeable;
import java.util.List;

/**
 * The data records of an input file, CSV or workbook, in order, after its header.
 */
interface RecordSource extends Closeable {

	/** The column names, empty header cells named by position. */
	List<String> header();

	/** How the file is read, for the log. */
	CsvFormat format();

	/**
	 * Returns the next data record, or {@code null} at the end of the file.
	 * @throws CsvInputException if the rest of the file cannot be read or decoded
	 */
	CsvRecord next();

}
