package io.fluxbatch.prompt;

import java.util.Objects;

import io.fluxbatch.csv.CsvRecord;

/**
 * The outcome of validating one record: a prompt to submit, or the reason it was
 * rejected; rejected rows are kept so they can be reported.
 *
 * @param record the record validated
 * @param prompt the prompt, {@code null} when rejected
 * @param rejectReason why the row was rejected, {@code null} when accepted
 * @param key the prompt's key, or for a rejected row the trimmed key cell or the row
 * number
 * @param variant which of its record's images the row is, from 1; 0 when rows have one
 * image each
 */
public record ValidatedRow(CsvRecord record, Prompt prompt, String rejectReason, String key, int variant) {

	public ValidatedRow {
		Objects.requireNonNull(record, "record");
		if ((prompt == null) == (rejectReason == null)) {
			throw new IllegalArgumentException("a row has either a prompt or a reject reason");
		}
		if (prompt != null) {
			key = prompt.key();
		}
		else if (key == null || key.isBlank()) {
			key = String.valueOf(record.row());
		}
	}

	public ValidatedRow(CsvRecord record, Prompt prompt, String rejectReason, String key) {
		this(record, prompt, rejectReason, key, (prompt != null) ? prompt.variant() : 0);
	}

	/**
	 * Creates a row whose key is the prompt's, or the row number when rejected.
	 * @param record the record validated
	 * @param prompt the prompt, {@code null} when rejected
	 * @param rejectReason why the row was rejected, {@code null} when accepted
	 */
	public ValidatedRow(CsvRecord record, Prompt prompt, String rejectReason) {
		this(record, prompt, rejectReason, null);
	}

	public boolean rejected() {
		return this.prompt == null;
	}

	/**
	 * The row's number in the row table: its record's data row, or, when rows have
	 * several images, a number of its own that the same file always gives it (so a
	 * restart numbers them alike).
	 */
	public int rowNo() {
		return (this.variant == 0) ? this.record.row()
				: (this.record.row() - 1) * CatalogSettings.MAX_IMAGES_PER_ROW + this.variant;
	}

}
