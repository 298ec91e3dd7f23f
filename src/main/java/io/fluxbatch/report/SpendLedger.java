package io.fluxbatch.report;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;
import io.fluxbatch.csv.CsvTableWriter;
import org.jspecify.annotations.Nullable;

/**
 * spend.csv: one line per command that ran into an output folder, never rewritten, so
 * that what each night spent (and may have paid twice) stays on record and the lines add
 * up to the vendor's statement however many commands a run took.
 */
public final class SpendLedger {

	public static final String FILE = "spend.csv";

	static final List<String> HEADER = List.of("when", "run", "images", "credits", "credits_by_model",
			"possible_duplicates", "possible_cost", "balance");

	private SpendLedger() {
	}

	/**
	 * One command's line.
	 *
	 * @param when when the command ended (UTC, ISO-8601)
	 * @param run the run it worked on
	 * @param images images this command generated (and paid for)
	 * @param credits what they cost
	 * @param creditsByModel the credits per model and resolution, for example
	 * {@code flux-2/pro-text-to-image 1K 30}, separated by {@code ; }
	 * @param possibleDuplicates tasks a lost answer of this command may have created
	 * @param possibleCost the most those may have cost
	 * @param balance the balance the API last reported, or {@code null}
	 */
	public record Entry(String when, long run, long images, long credits, String creditsByModel,
			long possibleDuplicates, long possibleCost, @Nullable Long balance) {

		List<String> cells() {
			return List.of(this.when, Long.toString(this.run), Long.toString(this.images), Long.toString(this.credits),
					this.creditsByModel, Long.toString(this.possibleDuplicates), Long.toString(this.possibleCost),
					(this.balance != null) ? this.balance.toString() : "");
		}

	}

	/** Every line of the folder's ledger, oldest first; none when there is no ledger. */
	public static List<Entry> read(Path outputDir) {
		try (Reader in = Files.newBufferedReader(outputDir.resolve(FILE), StandardCharsets.UTF_8);
				CSVReader csv = new CSVReader(in)) {
			List<Entry> entries = new ArrayList<>();
			List<String[]> lines = csv.readAll();
			for (String[] cells : lines.subList(Math.min(1, lines.size()), lines.size())) {
				entries.add(new Entry(cells[0], Long.parseLong(cells[1]), Long.parseLong(cells[2]),
						Long.parseLong(cells[3]), cells[4], Long.parseLong(cells[5]), Long.parseLong(cells[6]),
						cells[7].isEmpty() ? null : Long.valueOf(cells[7])));
			}
			return entries;
		}
		catch (NoSuchFileException absent) {
			return List.of();
		}
		catch (IOException | CsvException | RuntimeException unreadable) {
			throw new IllegalStateException("cannot read " + outputDir.resolve(FILE) + " (" + unreadable.getMessage()
					+ "): move it aside to start a new ledger", unreadable);
		}
	}

	/** Adds a line: the whole ledger is written beside it, then moved into place. */
	public static void append(Path outputDir, boolean byteOrderMark, Entry entry) {
		List<Entry> entries = new ArrayList<>(read(outputDir));
		entries.add(entry);
		Path part = outputDir.resolve(FILE + ".part");
		try (CsvTableWriter csv = new CsvTableWriter(part, byteOrderMark)) {
			csv.writeRow(HEADER);
			entries.forEach((line) -> csv.writeRow(line.cells()));
		}
		RunReport.moveIntoPlace(part, outputDir.resolve(FILE));
	}

	/** Lines that may have paid twice, over every command into this folder. */
	public static TotalsLine possibleDuplicates(List<Entry> entries) {
		return new TotalsLine(TotalsLine.POSSIBLE_DUPLICATES + "_IN_FOLDER", "",
				entries.stream().mapToLong(Entry::possibleDuplicates).sum(),
				entries.stream().mapToLong(Entry::possibleCost).sum());
	}

}
