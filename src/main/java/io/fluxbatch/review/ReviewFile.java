package io.fluxbatch.review;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;

/**
 * Reads review.csv as a contact sheet exports it: a header {@code key,verdict,note}, then
 * one line per judged image.
 */
public final class ReviewFile {

	private ReviewFile() {
	}

	/**
	 * @throws IllegalArgumentException naming the line when the file cannot be used
	 */
	public static List<Verdict> read(Path file) {
		if (!Files.isRegularFile(file)) {
			throw new IllegalArgumentException("review file not found: " + file);
		}
		List<String[]> lines;
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
				CSVReader csv = new CSVReader(reader)) {
			lines = csv.readAll();
		}
		catch (IOException | CsvException unreadable) {
			throw new IllegalArgumentException("cannot read the review file " + file + ": " + unreadable.getMessage());
		}
		if (lines.isEmpty()) {
			throw new IllegalArgumentException("the review file " + file + " is empty: export it from report.html");
		}
		List<String> header = new ArrayList<>();
		for (String cell : lines.get(0)) {
			header.add(cell.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT));
		}
		int key = header.indexOf("key");
		int verdict = header.indexOf("verdict");
		int note = header.indexOf("note");
		if (key < 0 || verdict < 0) {
			throw new IllegalArgumentException("the review file " + file
					+ " needs the columns key and verdict (and optionally note): export it from report.html");
		}
		List<Verdict> verdicts = new ArrayList<>();
		for (int i = 1; i < lines.size(); i++) {
			String[] cells = lines.get(i);
			if (cells.length == 1 && cells[0].isBlank()) {
				continue;
			}
			int line = i + 1;
			if (cells.length <= Math.max(key, verdict)) {
				throw new IllegalArgumentException(file + " line " + line + ": a key and a verdict are needed");
			}
			boolean approved = Verdict.approvedOf(cells[verdict])
				.orElseThrow(() -> new IllegalArgumentException(file + " line " + line + ": the verdict '"
						+ cells[verdict] + "' is neither approve nor reject"));
			verdicts.add(new Verdict(cells[key].strip(), approved,
					(note >= 0 && note < cells.length) ? cells[note].strip() : ""));
		}
		return verdicts;
	}

}
