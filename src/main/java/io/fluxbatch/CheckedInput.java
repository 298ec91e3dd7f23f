package io.fluxbatch;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import io.fluxbatch.csv.CsvFileSummary;
import io.fluxbatch.csv.CsvOptions;
import io.fluxbatch.csv.CsvPreflight;
import io.fluxbatch.csv.CsvRecord;
import io.fluxbatch.csv.SpreadsheetCsvReader;
import io.fluxbatch.job.FluxJobProperties;
import io.fluxbatch.prompt.PromptColumns;
import io.fluxbatch.prompt.PromptDefaults;
import io.fluxbatch.prompt.PromptValidator;
import io.fluxbatch.prompt.ValidatedRow;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Reads and checks an input exactly as a run's load step would, without a database: the
 * same reader, the same validator, the same rule that a key may name only one file. What
 * {@code validate} and {@code estimate} see is what {@code run} will see.
 */
final class CheckedInput {

	private CheckedInput() {
	}

	/**
	 * Feeds every data row, in input order, to {@code rows}.
	 * @return what the file is (rows, encoding, delimiter)
	 */
	static CsvFileSummary read(Path input, FluxJobProperties settings, RowConsumer rows) throws Exception {
		CsvOptions options = settings.csvOptions();
		CsvFileSummary summary = CsvPreflight.check(input, options);
		PromptValidator validator = new PromptValidator(PromptColumns.of(summary.header()),
				new PromptDefaults(settings.model(), settings.resolution(), settings.aspectRatio()));
		Map<String, Integer> rowByFileName = new HashMap<>();
		SpreadsheetCsvReader reader = new SpreadsheetCsvReader(input, options);
		reader.open(new ExecutionContext());
		try {
			for (CsvRecord record = reader.read(); record != null; record = reader.read()) {
				ValidatedRow row = validator.process(record);
				String reason = row.rejectReason();
				if (!row.rejected()) {
					Integer first = rowByFileName.putIfAbsent(row.prompt().fileName().toLowerCase(Locale.ROOT),
							record.row());
					reason = (first != null) ? "key '" + row.key() + "' is already used by row " + first : null;
				}
				rows.accept(record, row, reason);
			}
		}
		finally {
			reader.close();
		}
		return summary;
	}

	/** Receives one row: valid when {@code rejectReason} is {@code null}. */
	@FunctionalInterface
	interface RowConsumer {

		void accept(CsvRecord record, ValidatedRow row, String rejectReason);

	}

}
