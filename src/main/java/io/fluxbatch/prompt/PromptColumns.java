package io.fluxbatch.prompt;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import io.fluxbatch.csv.CsvInputException;
import io.fluxbatch.csv.CsvRecord;

/**
 * Where each known column sits in a header, so rows can be read by meaning rather than by
 * position.
 */
public final class PromptColumns {

	private final List<String> header;

	private final Map<Column, Integer> indexes;

	private PromptColumns(List<String> header, Map<Column, Integer> indexes) {
		this.header = List.copyOf(header);
		this.indexes = indexes;
	}

	/**
	 * Finds the known columns in a header.
	 * @param header the header cells
	 * @return the columns found
	 * @throws CsvInputException if there is no prompt column, or two columns mean the
	 * same
	 */
	public static PromptColumns of(List<String> header) {
		Map<Column, Integer> indexes = new EnumMap<>(Column.class);
		for (int i = 0; i < header.size(); i++) {
			for (Column column : Column.values()) {
				if (column.isNamedBy(header.get(i))) {
					Integer earlier = indexes.putIfAbsent(column, i);
					if (earlier != null) {
						throw new CsvInputException("columns '" + header.get(earlier) + "' and '" + header.get(i)
								+ "' both give the " + column.displayName() + "; keep only one of them");
					}
				}
			}
		}
		if (!indexes.containsKey(Column.PROMPT)) {
			throw new CsvInputException("no 'prompt' column (found: " + String.join(", ", header) + ")");
		}
		return new PromptColumns(header, indexes);
	}

	/**
	 * Returns a record's cell in a column, as written.
	 * @param record the record
	 * @param column the column
	 * @return the cell, or {@code ""} when the column is absent or the record is shorter
	 */
	public String cell(CsvRecord record, Column column) {
		Integer index = this.indexes.get(column);
		return (index != null) ? record.cell(index) : "";
	}

	public boolean has(Column column) {
		return this.indexes.containsKey(column);
	}

	public List<String> header() {
		return this.header;
	}

	public OptionalInt index(Column column) {
		Integer index = this.indexes.get(column);
		return (index != null) ? OptionalInt.of(index) : OptionalInt.empty();
	}

}
