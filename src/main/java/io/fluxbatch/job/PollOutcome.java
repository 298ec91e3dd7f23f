package io.fluxbatch.job;

import java.time.Instant;

/**
 * What one poll found out, as the row table is to record it.
 */
public record PollOutcome(long instanceId, int rowNo, String status, Instant nextPollAt, Instant generatedAt,
		String outputUrl, Integer width, Integer height, String error) {

	static PollOutcome stillRunning(PendingTask task, Instant nextPollAt) {
		return new PollOutcome(task.instanceId(), task.rowNo(), RowStatus.SUBMITTED.name(), nextPollAt, null, null,
				null, null, null);
	}

	static PollOutcome generated(PendingTask task, Instant at, String url, Integer width, Integer height) {
		return new PollOutcome(task.instanceId(), task.rowNo(), RowStatus.GENERATED.name(), null, at, url, width,
				height, null);
	}

	static PollOutcome failed(PendingTask task, String error) {
		return new PollOutcome(task.instanceId(), task.rowNo(), RowStatus.FAILED.name(), null, null, null, null, null,
				error);
	}

}
