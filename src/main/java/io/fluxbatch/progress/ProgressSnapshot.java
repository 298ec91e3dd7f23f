package io.fluxbatch.progress;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where a command stands at one moment: the figures of its progress line, of
 * progress.json and of its line in the command history.
 *
 * @param at when the figures were taken
 * @param stage the step running (load, reuse, submit, poll, download, finish), or
 * {@code starting} before the first
 * @param run which run over the input and output folder, or 0 before it is known
 * @param rows the run's rows
 * @param done rows in a final state (COMPLETED, FAILED or REJECTED)
 * @param rowsByStatus rows per results.csv status
 * @param generated images generated (and paid for) by this command
 * @param reused images taken from the library by the run
 * @param failed rows that FAILED
 * @param credits credits spent by this command
 * @param requests requests this command sent to the API
 * @param rateLimited answers that were 429
 * @param imagesPerMinute images stored per minute since the command started
 * @param eta how long until every row is final, or {@code null} when nothing has been
 * stored yet to measure the pace by
 * @param etaNote what the ETA waits for besides the pace (the daily quota's reset), or
 * empty
 */
public record ProgressSnapshot(Instant at, String stage, long run, long rows, long done, Map<String, Long> rowsByStatus,
		long generated, long reused, long failed, long credits, long requests, long rateLimited, double imagesPerMinute,
		Duration eta, String etaNote) {

	/** The figures as one line: the same on a terminal, in a log and in status. */
	public String line() {
		return "rows " + this.done + "/" + this.rows + " (" + percent() + "%), generated " + this.generated
				+ ", reused " + this.reused + ", failed " + this.failed + ", "
				+ String.format(java.util.Locale.ROOT, "%.1f", this.imagesPerMinute) + " images/min, credits "
				+ this.credits + ", requests " + this.requests + " (429: " + this.rateLimited + "), ETA " + etaText();
	}

	/**
	 * The line of a command that has ended: rows it left wait for the next command, whose
	 * pace no ETA of this one can know.
	 */
	public String finalLine() {
		String line = line();
		if (this.done >= this.rows) {
			return line;
		}
		return line.substring(0, line.lastIndexOf(", ETA ")) + ", ETA next command (" + (this.rows - this.done)
				+ " rows left)";
	}

	/** The rows per status as {@code COMPLETED 5, PENDING 2}. */
	public String describeRows() {
		return this.rowsByStatus.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + " " + entry.getValue())
			.collect(Collectors.joining(", "));
	}

	public String etaText() {
		if (this.rows > 0 && this.done >= this.rows) {
			return "done";
		}
		if (this.eta == null) {
			return "unknown";
		}
		return describe(this.eta) + (this.etaNote.isEmpty() ? "" : " (" + this.etaNote + ")");
	}

	long percent() {
		return (this.rows == 0) ? 0 : this.done * 100 / this.rows;
	}

	static String describe(Duration duration) {
		long seconds = Math.max(0, duration.toSeconds());
		if (seconds >= 3600) {
			return (seconds / 3600) + "h" + String.format("%02d", (seconds % 3600) / 60) + "m";
		}
		if (seconds >= 60) {
			return (seconds / 60) + "m" + String.format("%02d", seconds % 60) + "s";
		}
		return seconds + "s";
	}

}
