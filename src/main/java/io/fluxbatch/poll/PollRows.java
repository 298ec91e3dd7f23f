package io.fluxbatch.poll;

import io.fluxbatch.rows.RowUpdates;

/** The poll stage's one update. */
class PollRows {

	private final RowUpdates rows;

	PollRows(RowUpdates rows) {
		this.rows = rows;
	}

	/** What a poll found out, committed before the row's next request. */
	void recordPoll(PollOutcome outcome) {
		this.rows.update("""
				UPDATE FLUX_ROW SET STATUS = ?, POLLS = POLLS + ?, NEXT_POLL_AT = ?, GENERATED_AT = ?, OUTPUT_URL = ?,
				  WIDTH = ?, HEIGHT = ?, ERROR = ?, FAILED_GENERATIONS = FAILED_GENERATIONS + ?
				WHERE JOB_INSTANCE_ID = ? AND ROW_NO = ?""", outcome.status(), outcome.polls(),
				RowUpdates.timestamp(outcome.nextPollAt()), RowUpdates.timestamp(outcome.generatedAt()),
				outcome.outputUrl(), outcome.width(), outcome.height(), outcome.error(), outcome.failedGeneration(),
				outcome.instanceId(), outcome.rowNo());
	}

}
