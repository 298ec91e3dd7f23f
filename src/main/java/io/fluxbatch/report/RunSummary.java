package io.fluxbatch.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * The few lines a person reads after a run: rows by status, credits by model, requests
 * made.
 *
 * @param rowsByStatus rows per results.csv status (COMPLETED, FAILED, REJECTED, PENDING)
 * @param totals images and credits per model and resolution
 * @param thisCommand what this command alone spent
 * @param possibleDuplicates rows that may have been paid twice
 * @param possibleDuplicatesInFolder tasks that may have been paid twice by any command
 * into this output folder, and the most they may have cost
 * @param submits POST /generate requests sent by this process
 * @param polls GET /tasks/{id} requests sent by this process
 * @param downloadLinks GET /tasks/{id}/download requests sent by this process
 * @param rateLimited answers that were 429
 * @param creditsRemaining the balance the API last reported, or {@code null}
 * @param quotaRemaining the daily requests the API last said were left, or {@code null}
 */
public record RunSummary(Map<String, Long> rowsByStatus, List<TotalsLine> totals, RunSpend thisCommand,
		long possibleDuplicates, TotalsLine possibleDuplicatesInFolder, long submits, long polls, long downloadLinks,
		long rateLimited, @Nullable Long creditsRemaining, @Nullable String quotaRemaining) {

	public List<String> lines() {
		List<String> lines = new ArrayList<>();
		long rows = this.rowsByStatus.values().stream().mapToLong(Long::longValue).sum();
		lines.add("rows: " + rows + " ("
				+ this.rowsByStatus.entrySet()
					.stream()
					.map((entry) -> entry.getKey() + " " + entry.getValue())
					.collect(Collectors.joining(", "))
				+ ")");
		long credits = this.totals.stream().mapToLong(TotalsLine::credits).sum();
		Map<String, Long> byModel = this.totals.stream()
			.filter((line) -> line.images() > 0)
			.collect(Collectors.groupingBy(TotalsLine::model, java.util.TreeMap::new,
					Collectors.summingLong(TotalsLine::credits)));
		lines.add("credits spent: this command " + this.thisCommand.credits()
				+ (this.thisCommand.creditsByModel().isEmpty() ? ""
						: " (" + this.thisCommand.describeByModel().replace(";", ",") + ")")
				+ "; this run so far " + credits
				+ (byModel.isEmpty() ? ""
						: " (" + byModel.entrySet()
							.stream()
							.map((entry) -> entry.getKey() + " " + entry.getValue())
							.collect(Collectors.joining(", ")) + ")")
				+ ((this.creditsRemaining != null) ? "; balance " + this.creditsRemaining : ""));
		long reused = this.totals.stream().mapToLong(TotalsLine::reused).sum();
		if (reused > 0) {
			lines.add("reused: " + reused + " images from the library (no credits)");
		}
		long refunded = this.totals.stream().mapToLong(TotalsLine::refundedCredits).sum();
		if (refunded > 0) {
			lines.add("failed generations: " + this.totals.stream().mapToLong(TotalsLine::failedGenerations).sum()
					+ " (not charged: " + refunded + " credits given back)");
		}
		lines.add("requests: " + (this.submits + this.polls + this.downloadLinks) + " (submits " + this.submits
				+ ", polls " + this.polls + ", download links " + this.downloadLinks + ", answered 429: "
				+ this.rateLimited + ")"
				+ ((this.quotaRemaining != null) ? "; daily quota left " + this.quotaRemaining : ""));
		if (this.possibleDuplicates > 0) {
			lines.add("possible duplicates: " + this.possibleDuplicates
					+ " rows (a submission's answer was lost, so a task may have been paid twice: see duplicate_risk in results.csv)");
		}
		if (this.possibleDuplicatesInFolder.images() > 0) {
			lines.add("possible duplicates of every command into this folder: "
					+ this.possibleDuplicatesInFolder.images() + " tasks, up to "
					+ this.possibleDuplicatesInFolder.credits() + " credits (see spend.csv)");
		}
		return lines;
	}

}
