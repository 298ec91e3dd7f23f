package io.fluxbatch.prompt;

import java.util.List;

/**
 * What one record gives: a row for each of its images (one when rows have one image), or
 * a single rejected row.
 *
 * @param rows the rows, in variant order
 */
public record ValidatedRows(List<ValidatedRow> rows) {

	public ValidatedRows {
		rows = List.copyOf(rows);
	}

}
