package io.fluxbatch.generate;

import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.fluxbatch.download.GeneratedImage;
import io.fluxbatch.poll.PendingTask;
import io.fluxbatch.rows.RowStatus;
import io.fluxbatch.submit.RowToSubmit;

/**
 * A row that still needs a request: to be sent (NEW, or SUBMITTING after a crash), its
 * task followed (SUBMITTED), or its image fetched (GENERATED). It carries every column
 * the next transition needs, read afresh from the row table after each one.
 */
record RowInFlight(long instanceId, int rowNo, RowStatus status, String model, String prompt, String resolution,
		String aspectRatio, String inputUrls, int submitAttempts, int lostAnswers, String taskId, Instant submittedAt,
		Instant nextPollAt, int polls, int failedGenerations, String fileName, String outputUrl, Integer width,
		Integer height, String fingerprint) {

	/** The columns, in the order of the constructor, for the readers' SELECTs. */
	static final String COLUMNS = "ROW_NO, STATUS, MODEL, PROMPT, RESOLUTION, ASPECT_RATIO, INPUT_URLS, "
			+ "SUBMIT_ATTEMPTS, LOST_ANSWERS, TASK_ID, SUBMITTED_AT, NEXT_POLL_AT, POLLS, FAILED_GENERATIONS, "
			+ "FILE_NAME, OUTPUT_URL, WIDTH, HEIGHT, FINGERPRINT";

	/** The statuses of a row in flight, for the readers' WHEREs. */
	static final String STATUSES = Stream
		.of(RowStatus.NEW, RowStatus.SUBMITTING, RowStatus.SUBMITTED, RowStatus.GENERATED)
		.map((status) -> "'" + status + "'")
		.collect(Collectors.joining(", ", "(", ")"));

	static RowInFlight of(long instanceId, java.sql.ResultSet rs) throws java.sql.SQLException {
		return new RowInFlight(instanceId, rs.getInt("ROW_NO"), RowStatus.valueOf(rs.getString("STATUS")),
				rs.getString("MODEL"), rs.getString("PROMPT"), rs.getString("RESOLUTION"), rs.getString("ASPECT_RATIO"),
				rs.getString("INPUT_URLS"), rs.getInt("SUBMIT_ATTEMPTS"), rs.getInt("LOST_ANSWERS"),
				rs.getString("TASK_ID"), instant(rs.getTimestamp("SUBMITTED_AT")),
				instant(rs.getTimestamp("NEXT_POLL_AT")), rs.getInt("POLLS"), rs.getInt("FAILED_GENERATIONS"),
				rs.getString("FILE_NAME"), rs.getString("OUTPUT_URL"), rs.getObject("WIDTH", Integer.class),
				rs.getObject("HEIGHT", Integer.class), rs.getString("FINGERPRINT"));
	}

	private static Instant instant(java.sql.Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/** Whether the row's next request is a POST, which costs money. */
	boolean needsSubmission() {
		return this.status == RowStatus.NEW || this.status == RowStatus.SUBMITTING;
	}

	RowToSubmit toSubmit() {
		return new RowToSubmit(this.instanceId, this.rowNo, this.status.name(), this.model, this.prompt,
				this.resolution, this.aspectRatio, this.inputUrls, this.submitAttempts, this.lostAnswers);
	}

	PendingTask toPending() {
		return new PendingTask(this.instanceId, this.rowNo, this.taskId, this.model, this.submittedAt, this.nextPollAt,
				this.polls, this.failedGenerations);
	}

	GeneratedImage toGenerated(Path outputDir) {
		return new GeneratedImage(this.instanceId, this.rowNo, this.taskId, outputDir, this.fileName, this.outputUrl,
				this.width, this.height, this.fingerprint);
	}

}
