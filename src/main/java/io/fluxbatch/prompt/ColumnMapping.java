package io.fluxbatch.prompt;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How a file's columns feed a prompt: the known columns (found or named), the prompt and
 * file-name templates over them, and how many images a row gets. {@code validate} prints
 * it, so a user sees which column feeds what before anything is paid.
 */
public final class ColumnMapping {

	private final PromptColumns columns;

	private final CellTemplate promptTemplate;

	private final CellTemplate fileName;

	private final int imagesPerRow;

	private ColumnMapping(PromptColumns columns, CellTemplate promptTemplate, CellTemplate fileName, int imagesPerRow) {
		this.columns = columns;
		this.promptTemplate = promptTemplate;
		this.fileName = fileName;
		this.imagesPerRow = imagesPerRow;
	}

	/**
	 * Maps a header as the settings say.
	 * @throws CsvInputException if a column or template field the settings name is not in
	 * the header, or there is no prompt
	 */
	public static ColumnMapping of(List<String> header, CatalogSettings settings) {
		PromptColumns columns = PromptColumns.of(header, settings);
		CellTemplate prompt = (settings.promptTemplate() != null)
				? CellTemplate.parse("--prompt-template", settings.promptTemplate(), header) : null;
		CellTemplate fileName = (settings.fileName() != null)
				? CellTemplate.parse("--file-name", settings.fileName(), header) : null;
		int images = (settings.imagesPerRow() != null) ? settings.imagesPerRow() : 1;
		return new ColumnMapping(columns, prompt, fileName, images);
	}

	/** Found from the header alone. */
	public static ColumnMapping of(List<String> header) {
		return of(header, CatalogSettings.NONE);
	}

	PromptColumns columns() {
		return this.columns;
	}

	CellTemplate promptTemplate() {
		return this.promptTemplate;
	}

	CellTemplate fileName() {
		return this.fileName;
	}

	int imagesPerRow() {
		return this.imagesPerRow;
	}

	/**
	 * Whether rows may have several images: then each is a row of the table of its own,
	 * numbered within its input row.
	 */
	public boolean hasVariants() {
		return this.imagesPerRow > 1 || this.columns.has(Column.IMAGES);
	}

	/**
	 * What feeds each field, one line each, then the columns kept but unused and those
	 * that look like a known one.
	 */
	public List<String> describe() {
		List<String> lines = new ArrayList<>();
		List<String> header = this.columns.header();
		Set<Integer> used = new LinkedHashSet<>();
		if (this.promptTemplate != null) {
			lines.add("prompt       <- template \"" + this.promptTemplate + "\"");
			used.addAll(this.promptTemplate.indexes());
		}
		for (Column column : Column.values()) {
			this.columns.index(column).ifPresent((index) -> {
				lines.add(String.format("%-12s <- column '%s'", column.displayName(), header.get(index)));
				used.add(index);
			});
		}
		if (this.fileName != null) {
			lines.add("file name    <- template \"" + this.fileName + "\"");
			used.addAll(this.fileName.indexes());
		}
		if (this.imagesPerRow > 1 && !this.columns.has(Column.IMAGES)) {
			lines.add("images       <- " + this.imagesPerRow + " per row (--images-per-row)");
		}
		List<String> unused = new ArrayList<>();
		List<String> warnings = new ArrayList<>();
		for (int i = 0; i < header.size(); i++) {
			if (used.contains(i)) {
				continue;
			}
			unused.add(header.get(i));
			for (Column column : Column.values()) {
				if (!this.columns.has(column) && column.looksLike(header.get(i))) {
					warnings.add("warning: column '" + header.get(i) + "' is not used but looks like "
							+ column.displayName() + optionFor(column, header.get(i)));
				}
			}
		}
		if (!unused.isEmpty()) {
			lines.add("kept, unused: " + String.join(", ", unused));
		}
		lines.addAll(warnings);
		return lines;
	}

	private static String optionFor(Column column, String name) {
		return switch (column) {
			case PROMPT -> "; if it holds the prompt, say --prompt-column '" + name + "'";
			case INPUT_URLS -> "; if it holds reference images, say --input-urls-column '" + name + "'";
			default -> "; rename it to '" + column.displayName() + "' if it is one";
		};
	}

}
