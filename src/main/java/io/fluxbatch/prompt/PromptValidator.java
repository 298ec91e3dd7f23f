package io.fluxbatch.prompt;

import java.util.List;

import io.fluxbatch.csv.CsvRecord;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * The step's processor that checks each record against everything the API accepts; it
 * never filters, so rejected rows reach the writer with their reason.
 */
public class PromptValidator implements ItemProcessor<CsvRecord, ValidatedRow> {

	private final PromptColumns columns;

	private final PromptDefaults defaults;

	public PromptValidator(PromptColumns columns, PromptDefaults defaults) {
		this.columns = columns;
		this.defaults = defaults;
	}

	/** The longest key kept: the row table's column, checked before anything is paid. */
	static final int MAX_KEY_LENGTH = 1000;

	@Override
	public ValidatedRow process(CsvRecord record) {
		String key = keyOf(record);
		if (key.length() > MAX_KEY_LENGTH) {
			return new ValidatedRow(
					record, null, "key " + Quoted.value(key) + " is " + key.length()
							+ " characters long; keys may have at most " + MAX_KEY_LENGTH,
					key.substring(0, MAX_KEY_LENGTH));
		}
		if (record.problem() != null) {
			return new ValidatedRow(record, null, "malformed CSV: " + record.problem(), key);
		}
		try {
			return new ValidatedRow(record, promptOf(record, key), null);
		}
		catch (RowRejection rejection) {
			return new ValidatedRow(record, null, rejection.getMessage(), key);
		}
	}

	private Prompt promptOf(CsvRecord record, String key) throws RowRejection {
		String text = PromptTextRule.check(cell(record, Column.PROMPT));
		List<String> inputUrls = InputUrlsRule.split(cell(record, Column.INPUT_URLS));
		Model model = ModelRule.resolve(Setting.of(cell(record, Column.MODEL), this.defaults.model()),
				!inputUrls.isEmpty());
		InputUrlsRule.check(inputUrls);
		Resolution resolution = ResolutionRule
			.resolve(Setting.of(cell(record, Column.RESOLUTION), this.defaults.resolution()));
		String aspectRatio = AspectRatioRule
			.resolve(Setting.of(cell(record, Column.ASPECT_RATIO), this.defaults.aspectRatio()));
		String fileName = SafeFileName.of(key)
			.orElseThrow(() -> new RowRejection("key " + Quoted.value(key)
					+ " gives an empty file name; use letters, digits, '.', '_' or '-' in keys"));
		boolean regenerate = RegenerateRule.check(cell(record, Column.REGENERATE));
		return new Prompt(key, fileName, model, text, resolution, aspectRatio, inputUrls, regenerate);
	}

	private String keyOf(CsvRecord record) {
		String key = cell(record, Column.KEY).strip();
		return key.isEmpty() ? String.valueOf(record.row()) : key;
	}

	private String cell(CsvRecord record, Column column) {
		return this.columns.cell(record, column);
	}

}
