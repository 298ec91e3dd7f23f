package io.fluxbatch.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import io.fluxbatch.csv.CsvTableWriter;
import org.jspecify.annotations.Nullable;

/**
 * Writes a run's results.csv, rejects.csv and totals.csv. Each file is written beside its
 * final name and moved into place, so a reader never sees half a file.
 */
public final class RunReport {

	public static final String RESULTS = "results.csv";

	public static final String REJECTS = "rejects.csv";

	public static final String TOTALS = "totals.csv";

	/** The label of totals.csv's line that adds up the others. */
	public static final String TOTAL = "TOTAL";

	/**
	 * The label of totals.csv's line that holds, in its credits column, the account's
	 * balance as the API last reported it.
	 */
	public static final String BALANCE = "ACCOUNT_BALANCE";

	/** The label of totals.csv's line of what this command alone generated and spent. */
	public static final String THIS_COMMAND = "THIS_COMMAND";

	/** What rejects.csv adds to the input's columns. */
	private static final List<String> REJECT_COLUMNS = List.of("line", "reason");

	private RunReport() {
	}

	/**
	 * Writes results.csv and rejects.csv from the rows {@code rows} feeds, in its order.
	 * rejects.csv keeps the input's columns, then the row's line in the input and the
	 * reason, so it can be fixed and fed back as it is; the line and reason columns of a
	 * rejects.csv fed back are replaced, not repeated.
	 */
	public static void writeResults(Path outputDir, List<String> inputHeader, boolean byteOrderMark,
			Consumer<Consumer<ResultRow>> rows) {
		ResultColumns columns = new ResultColumns(inputHeader);
		List<Integer> kept = new ArrayList<>();
		List<String> rejectsHeader = new ArrayList<>();
		for (int i = 0; i < inputHeader.size(); i++) {
			if (!REJECT_COLUMNS.contains(inputHeader.get(i).strip().toLowerCase(Locale.ROOT))) {
				kept.add(i);
				rejectsHeader.add(inputHeader.get(i));
			}
		}
		rejectsHeader.addAll(REJECT_COLUMNS);
		Path results = outputDir.resolve(RESULTS + ".part");
		Path rejects = outputDir.resolve(REJECTS + ".part");
		try (CsvTableWriter resultsCsv = new CsvTableWriter(results, byteOrderMark);
				CsvTableWriter rejectsCsv = new CsvTableWriter(rejects, byteOrderMark)) {
			resultsCsv.writeRow(columns.header());
			rejectsCsv.writeRow(rejectsHeader);
			rows.accept((row) -> {
				resultsCsv.writeRow(columns.values(row));
				if (row.rejected()) {
					List<String> original = new ArrayList<>(rejectsHeader.size());
					for (int i : kept) {
						original.add(ResultColumns.cell(row, i));
					}
					original.add(String.valueOf(row.line()));
					original.add(row.error());
					rejectsCsv.writeRow(original);
				}
			});
		}
		moveIntoPlace(results, outputDir.resolve(RESULTS));
		moveIntoPlace(rejects, outputDir.resolve(REJECTS));
	}

	/**
	 * Writes totals.csv: one line per model and resolution and the TOTAL line (the run so
	 * far, over all its commands), the rows whose task may have been created twice and
	 * the most that may have cost, what this command alone generated and spent, the
	 * possible duplicates of every command into this folder (from spend.csv: a flag once
	 * raised stays), then the account's balance as the API last reported it (when it
	 * did).
	 * @param balance the balance the API last reported, or {@code null}
	 */
	public static void writeTotals(Path outputDir, boolean byteOrderMark, List<TotalsLine> lines,
			TotalsLine possibleDuplicates, TotalsLine thisCommand, TotalsLine possibleDuplicatesInFolder,
			@Nullable Long balance) {
		Path totals = outputDir.resolve(TOTALS + ".part");
		try (CsvTableWriter csv = new CsvTableWriter(totals, byteOrderMark)) {
			csv.writeRow(TotalsLine.HEADER);
			TotalsLine total = new TotalsLine(TOTAL, "", 0, 0);
			for (TotalsLine line : lines) {
				csv.writeRow(line.cells());
				total = total.plus(line);
			}
			csv.writeRow(total.cells());
			csv.writeRow(possibleDuplicates.cells());
			csv.writeRow(thisCommand.cells());
			csv.writeRow(possibleDuplicatesInFolder.cells());
			if (balance != null) {
				csv.writeRow(new TotalsLine(BALANCE, "", 0, balance).cells());
			}
		}
		moveIntoPlace(totals, outputDir.resolve(TOTALS));
	}

	static void moveIntoPlace(Path written, Path target) {
		try {
			Files.move(written, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException failure) {
			throw new UncheckedIOException(failure);
		}
	}

}
