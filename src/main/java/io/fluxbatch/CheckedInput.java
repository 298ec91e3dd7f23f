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
import io.fluxbatch.prompt.ColumnMapping;
import io.fluxbatch.prompt.PromptDefaults;
import io.fluxbatch.prompt.PromptValidator;
import io.fluxbatch.prompt.ValidatedRow;
import io.fluxbatch.prompt.ValidatedRows;
import io.fluxbatch.run.FluxJobProperties;

import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Reads and checks an input exactly as a run's load step would, without a database: the
 * same reader, the same mapping and validator, the same rule that a file name may be used
 * by only one row. What {@code validate} and {@code estimate} see is what {@code run}
 * will see.
 */
final class CheckedInput {

	private CheckedInput() {
	}

	/**
	 * Feeds every row, in input order, to {@code rows}: one per image a record asks for.
	 * @return what the file is (rows, encoding, delimiter), how its columns are used, and
	 * how many records were skipped
	 */
	static Checked read(Path input, FluxJobProperties settings, RowConsumer rows) throws Exception {
		CsvOptions options = settings.csvOptions();
		CsvFileSummary summary = CsvPreflight.check(input, options);
		ColumnMapping mapping = ColumnMapping.of(summary.header(), settings.catalog());
		PromptValidator validator = new PromptValidator(mapping,
				new PromptDefaults(settings.model(), settings.resolution(), settings.aspectRatio()));
		Map<String, Integer> rowByFileName = new HashMap<>();
		int skipped = 0;
		SpreadsheetCsvReader reader = new SpreadsheetCsvReader(input, options);
		reader.open(new ExecutionContext());
		try {
			for (CsvRecord record = reader.read(); record != null; record = reader.read()) {
				ValidatedRows made = validator.process(record);
				if (made == null) {
					skipped++;
					continue;
				}
				for (ValidatedRow row : made.rows()) {
					rows.accept(record, row, reasonOf(row, record, rowByFileName));
				}
			}
		}
		finally {
			reader.close();
		}
		return new Checked(summary, mapping, skipped);
	}

	private static String reasonOf(ValidatedRow row, CsvRecord record, Map<String, Integer> rowByFileName) {
		if (row.rejected()) {
			return row.rejectReason();
		}
		String fileName = row.prompt().fileName();
		Integer first = rowByFileName.putIfAbsent(fileName.toLowerCase(Locale.ROOT), record.row());
		if (first == null) {
			return null;
		}
		return (fileName.equalsIgnoreCase(row.key()) ? "key '" + row.key() : "file name '" + fileName)
				+ "' is already used by row " + first;
	}

	/**
	 * What reading the input found.
	 *
	 * @param file the file's rows and format
	 * @param mapping which column feeds what
	 * @param skipped records whose prompt template had nothing to fill
	 */
	record Checked(CsvFileSummary file, ColumnMapping mapping, int skipped) {
	}

	/** Receives one row: valid when {@code rejectReason} is {@code null}. */
	@FunctionalInterface
	interface RowConsumer {

		void accept(CsvRecord record, ValidatedRow row, String rejectReason);

	}

}
