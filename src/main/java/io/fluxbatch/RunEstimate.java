package io.fluxbatch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.fluxbatch.csv.CsvFileSummary;
import io.fluxbatch.csv.CsvRecord;
import io.fluxbatch.library.ImageLibrary;
import io.fluxbatch.prompt.Prompt;
import io.fluxbatch.prompt.ValidatedRow;

/**
 * What a new run would do with each row, by the run's own rules applied in input order:
 * rejected; reused (the library holds an intact image for the same fingerprint and
 * nothing asks to regenerate it); generated while the budget lasts; held back from the
 * first row the budget does not cover.
 */
final class RunEstimate {

	/**
	 * Requests one generated image takes: its POST and one poll. The poll schedule waits
	 * for the time a task of the model has been seen to take before it polls, so measured
	 * runs stay at this floor (the 29-row sample: 46 requests for 23 images); retries,
	 * failed generations and expired links add to it.
	 */
	static final int REQUESTS_PER_IMAGE = 2;

	private final Path input;

	private final ImageLibrary library;

	private final boolean regenerate;

	private final Long budget;

	private final Map<String, Long> credits = new TreeMap<>();

	private final Map<String, Long> images = new TreeMap<>();

	private final Set<String> fingerprints = new HashSet<>();

	private CsvFileSummary summary;

	private long rejected;

	private long reused;

	private long heldBack;

	private long heldBackCredits;

	private int firstHeldBackRow;

	private long spent;

	RunEstimate(Path input, ImageLibrary library, boolean regenerate, Long budget) {
		this.input = input;
		this.library = library;
		this.regenerate = regenerate;
		this.budget = budget;
	}

	void add(CsvRecord record, ValidatedRow row, String rejectReason) {
		if (rejectReason != null) {
			this.rejected++;
			return;
		}
		Prompt prompt = row.prompt();
		if (!this.fingerprints.add(prompt.fingerprint())
				|| (!this.regenerate && !prompt.regenerate() && this.library.find(prompt.fingerprint()).isPresent())) {
			// An earlier row of the run makes the same image, or the library holds it.
			this.reused++;
			return;
		}
		long price = prompt.credits();
		if (this.heldBack > 0 || (this.budget != null && this.spent + price > this.budget)) {
			if (this.heldBack == 0) {
				this.firstHeldBackRow = record.row();
			}
			this.heldBack++;
			this.heldBackCredits += price;
			return;
		}
		String modelAndResolution = prompt.model().apiName() + " " + prompt.resolution().label();
		this.spent += price;
		this.credits.merge(modelAndResolution, price, Long::sum);
		this.images.merge(modelAndResolution, 1L, Long::sum);
	}

	void summary(CsvFileSummary summary) {
		this.summary = summary;
	}

	long generated() {
		return this.images.values().stream().mapToLong(Long::longValue).sum();
	}

	long requests() {
		return generated() * REQUESTS_PER_IMAGE;
	}

	List<String> lines() {
		List<String> lines = new ArrayList<>();
		lines.add(this.input + ": " + this.summary.dataRows() + " rows (" + this.summary.format().describe() + "): "
				+ generated() + " to generate, " + this.reused + " to reuse, " + this.rejected + " rejected"
				+ ((this.heldBack > 0) ? ", " + this.heldBack + " held back by the budget" : ""));
		lines.add("library: " + this.library.folder());
		lines.add("credits: " + this.spent);
		this.credits.forEach((modelAndResolution, credits) -> lines.add("  " + modelAndResolution + ": "
				+ this.images.get(modelAndResolution) + " images, " + credits + " credits"));
		if (this.budget != null) {
			lines.add("budget: " + this.budget + " credits (--max-credits): "
					+ ((this.heldBack == 0) ? "covers every row"
							: "stops at row " + this.firstHeldBackRow + "; " + this.heldBack + " rows ("
									+ this.heldBackCredits + " credits) wait for the next run (exit code 4)"));
		}
		lines.add("requests: " + requests() + " (" + REQUESTS_PER_IMAGE
				+ " per generated image: its submission and one poll; retries and failed generations add to it)");
		return lines;
	}

}
