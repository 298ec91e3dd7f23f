package io.fluxbatch.prompt;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import io.fluxbatch.csv.CsvInputException;
import io.fluxbatch.csv.CsvRecord;

/**
 * Where each known column sits in a header, so rows can be read by meaning rather than by
 * position: found by its name, or named by the user ({@code --prompt-column Title}).
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
		return of(header, CatalogSettings.NONE);
	}

	/**
	 * Finds the known columns in a header, those the settings name first.
	 * @throws CsvInputException if a named column is not in the header, there is neither
	 * a prompt column nor a template, or two columns mean the same
	 */
	public static PromptColumns of(List<String> header, CatalogSettings settings) {
		Map<Column, Integer> indexes = new EnumMap<>(Column.class);
		named(header, Column.PROMPT, settings.promptColumn(), "--prompt-column", indexes);
		named(header, Column.KEY, settings.keyColumn(), "--key-column", indexes);
		named(header, Column.INPUT_URLS, settings.inputUrlsColumn(), "--input-urls-column", indexes);
		for (int i = 0; i < header.size(); i++) {
			if (indexes.containsValue(i)) {
				continue;
			}
			for (Column column : Column.values()) {
				if (column.isNamedBy(header.get(i)) && !named(column, settings)) {
					Integer earlier = indexes.putIfAbsent(column, i);
					if (earlier != null) {
						throw new CsvInputException("columns '" + header.get(earlier) + "' and '" + header.get(i)
								+ "' both give the " + column.displayName() + "; keep only one of them");
					}
				}
			}
		}
		if (settings.promptTemplate() != null) {
			indexes.remove(Column.PROMPT);
		}
		else if (!indexes.containsKey(Column.PROMPT)) {
			throw new CsvInputException("no 'prompt' column (found: " + String.join(", ", header)
					+ "); name the column that holds the prompt with --prompt-column, or build prompts from columns"
					+ " with --prompt-template \"... {Column} ...\"");
		}
		return new PromptColumns(header, indexes);
	}

	private static boolean named(Column column, CatalogSettings settings) {
		return switch (column) {
			case PROMPT -> settings.promptColumn() != null || settings.promptTemplate() != null;
			case KEY -> settings.keyColumn() != null;
			case INPUT_URLS -> settings.inputUrlsColumn() != null;
			default -> false;
		};
	}

	private static void named(List<String> header, Column column, String name, String option,
			Map<Column, Integer> indexes) {
		if (name == null) {
			return;
		}
		for (int i = 0; i < header.size(); i++) {
			if (header.get(i).equals(name) || Column.normalised(header.get(i)).equals(Column.normalised(name))) {
				indexes.put(column, i);
				return;
			}
		}
		throw new CsvInputException(option + " names '" + name + "', but no column is called that (columns: "
				+ String.join(", ", header) + ")");
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
