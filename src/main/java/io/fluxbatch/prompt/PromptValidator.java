package io.fluxbatch.prompt;

import java.util.ArrayList;
import java.util.List;

import io.fluxbatch.csv.CsvRecord;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * The step's processor that checks each record against everything the API accepts and
 * makes its rows: one per image the record asks for. Rejected records reach the writer
 * with their reason; only a record whose prompt template has nothing to fill (an export's
 * image-only row, which describes no product) is filtered, and counted as such.
 */
public class PromptValidator implements ItemProcessor<CsvRecord, ValidatedRows> {

	private final ColumnMapping mapping;

	private final PromptColumns columns;

	private final PromptDefaults defaults;

	public PromptValidator(ColumnMapping mapping, PromptDefaults defaults) {
		this.mapping = mapping;
		this.columns = mapping.columns();
		this.defaults = defaults;
	}

	public PromptValidator(PromptColumns columns, PromptDefaults defaults) {
		this(ColumnMapping.of(columns.header()), defaults);
	}

	/** The longest key kept: the row table's column, checked before anything is paid. */
	static final int MAX_KEY_LENGTH = 1000;

	/**
	 * @return the record's rows, or {@code null} for a record whose template fields are
	 * all empty
	 */
	@Override
	public ValidatedRows process(CsvRecord record) {
		String key = keyOf(record);
		int first = this.mapping.hasVariants() ? 1 : 0;
		if (key.length() > MAX_KEY_LENGTH) {
			return rejected(
					record, "key " + Quoted.value(key) + " is " + key.length()
							+ " characters long; keys may have at most " + MAX_KEY_LENGTH,
					key.substring(0, MAX_KEY_LENGTH), first);
		}
		if (record.problem() != null) {
			return rejected(record, "malformed CSV: " + record.problem(), key, first);
		}
		try {
			String text = textOf(record);
			if (text == null) {
				return null;
			}
			return new ValidatedRows(promptsOf(record, key, text));
		}
		catch (RowRejection rejection) {
			return rejected(record, rejection.getMessage(), key, first);
		}
	}

	private static ValidatedRows rejected(CsvRecord record, String reason, String key, int variant) {
		return new ValidatedRows(List.of(new ValidatedRow(record, null, reason, key, variant)));
	}

	/** The prompt text, or {@code null} when a template has nothing to fill. */
	private String textOf(CsvRecord record) throws RowRejection {
		CellTemplate template = this.mapping.promptTemplate();
		if (template == null) {
			String text = PromptTextRule.check(cell(record, Column.PROMPT));
			SpreadsheetValueRule.check("prompt", text);
			return text;
		}
		CellTemplate.Filled filled = template.fill(record);
		if (filled.allEmpty()) {
			return null;
		}
		if (filled.problem() != null) {
			throw new RowRejection(filled.problem());
		}
		String text = PromptTextRule.check(filled.text());
		SpreadsheetValueRule.check("prompt", text);
		return text;
	}

	private List<ValidatedRow> promptsOf(CsvRecord record, String key, String text) throws RowRejection {
		SpreadsheetValueRule.check("key", key);
		List<String> inputUrls = InputUrlsRule.split(cell(record, Column.INPUT_URLS));
		Model model = ModelRule.resolve(Setting.of(cell(record, Column.MODEL), this.defaults.model()),
				!inputUrls.isEmpty());
		InputUrlsRule.check(inputUrls);
		Resolution resolution = ResolutionRule
			.resolve(Setting.of(cell(record, Column.RESOLUTION), this.defaults.resolution()));
		String aspectRatio = AspectRatioRule
			.resolve(Setting.of(cell(record, Column.ASPECT_RATIO), this.defaults.aspectRatio()));
		String fileName = fileNameOf(record, key);
		boolean regenerate = RegenerateRule.check(cell(record, Column.REGENERATE));
		int images = ImagesRule.resolve(cell(record, Column.IMAGES), this.mapping.imagesPerRow());
		if (!this.mapping.hasVariants()) {
			return List.of(new ValidatedRow(record,
					new Prompt(key, fileName, model, text, resolution, aspectRatio, inputUrls, regenerate), null));
		}
		List<ValidatedRow> rows = new ArrayList<>(images);
		for (int variant = 1; variant <= images; variant++) {
			String suffix = (images > 1) ? "-" + variant : "";
			rows.add(new ValidatedRow(record, new Prompt(key + suffix, fileName + suffix, model, text, resolution,
					aspectRatio, inputUrls, regenerate, variant), null));
		}
		return rows;
	}

	private String fileNameOf(CsvRecord record, String key) throws RowRejection {
		CellTemplate template = this.mapping.fileName();
		String name = key;
		if (template != null) {
			CellTemplate.Filled filled = template.fill(record);
			if (filled.allEmpty()) {
				throw new RowRejection("the file name \"" + template + "\" has only empty cells to fill; fill them, or"
						+ " give defaults such as {" + template.columns().iterator().next() + "|...}");
			}
			if (filled.problem() != null) {
				throw new RowRejection(filled.problem());
			}
			name = filled.text();
		}
		String from = name;
		return SafeFileName.of(name)
			.orElseThrow(() -> new RowRejection(((template != null) ? "file name " : "key ") + Quoted.value(from)
					+ " gives an empty file name; use letters, digits, '.', '_' or '-' in "
					+ ((template != null) ? "the cells it is made of" : "keys")));
	}

	private String keyOf(CsvRecord record) {
		String key = cell(record, Column.KEY).strip();
		return key.isEmpty() ? String.valueOf(record.row()) : key;
	}

	private String cell(CsvRecord record, Column column) {
		return this.columns.cell(record, column);
	}

}
