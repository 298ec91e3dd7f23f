package io.fluxbatch.submit;

import java.sql.Timestamp;
import java.time.Instant;

import io.fluxbatch.api.SubmitAttempts;
import io.fluxbatch.rows.RowStatus;
import io.fluxbatch.rows.RowUpdates;

/**
 * The submit stage's updates of a row: each committed on its own, at once, around the
 * POST that can cost money.
 */
class SubmitRows {

	private final RowUpdates rows;

	SubmitRows(RowUpdates rows) {
		this.rows = rows;
	}

	/**
	 * Committed before the POST, on the disk before it leaves: a crash or a power cut
	 * from here on leaves the row visibly in doubt.
	 */
	void markSubmitting(RowToSubmit row) {
		this.rows.update("UPDATE FLUX_ROW SET STATUS = ? WHERE JOB_INSTANCE_ID = ? AND ROW_NO = ?",
				RowStatus.SUBMITTING.name(), row.instanceId(), row.rowNo());
		this.rows.flush();
	}

	/**
	 * Committed the moment the task id is known, so it is never asked for again; on the
	 * disk before this thread sends its next request.
	 */
	void recordSubmitted(RowToSubmit row, SubmitAttempts attempts, String taskId, long credits, Instant submittedAt,
			Instant nextPollAt) {
		this.rows.update("""
				UPDATE FLUX_ROW SET STATUS = ?, TASK_ID = ?, CREDITS = ?, SUBMIT_ATTEMPTS = ?,
				LOST_ANSWERS = ?, SUBMITTED_AT = ?, NEXT_POLL_AT = ?, ERROR = NULL
				WHERE JOB_INSTANCE_ID = ? AND ROW_NO = ?""", RowStatus.SUBMITTED.name(), taskId, credits,
				row.attemptsAfter(attempts), row.lostAnswersAfter(attempts), Timestamp.from(submittedAt),
				Timestamp.from(nextPollAt), row.instanceId(), row.rowNo());
		this.rows.flush();
	}

	/**
	 * No task was created (or none is known): the row waits for the next run's submit.
	 */
	void returnToNew(RowToSubmit row, SubmitAttempts attempts, String error) {
		this.rows.update("""
				UPDATE FLUX_ROW SET STATUS = ?, SUBMIT_ATTEMPTS = ?, LOST_ANSWERS = ?, ERROR = ?
				WHERE JOB_INSTANCE_ID = ? AND ROW_NO = ?""", RowStatus.NEW.name(), row.attemptsAfter(attempts),
				row.lostAnswersAfter(attempts), error, row.instanceId(), row.rowNo());
	}

	void failSubmission(RowToSubmit row, SubmitAttempts attempts, String error) {
		this.rows.update("""
				UPDATE FLUX_ROW SET STATUS = ?, SUBMIT_ATTEMPTS = ?, LOST_ANSWERS = ?, ERROR = ?
				WHERE JOB_INSTANCE_ID = ? AND ROW_NO = ?""", RowStatus.FAILED.name(), row.attemptsAfter(attempts),
				row.lostAnswersAfter(attempts), error, row.instanceId(), row.rowNo());
	}

}
