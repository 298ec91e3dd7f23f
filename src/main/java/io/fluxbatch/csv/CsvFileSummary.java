package io.fluxbatch.csv;

import java.util.List;

/**
 * What the preflight learned about an input file, so the job can check columns and size
 * before it starts.
 *
 * @param header the trimmed header cells, trailing empty ones dropped
 * @param dataRows the number of data rows (blank lines not counted)
 * @param format the encoding and delimiter the file was read with
 */
public record CsvFileSummary(List<String> header, int dataRows, CsvFormat format) {

	public CsvFileSummary {
		header = List.copyOf(header);
	}

}
