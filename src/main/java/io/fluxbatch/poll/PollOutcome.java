package io.fluxbatch.poll;

import java.time.Instant;

import io.fluxbatch.rows.RowStatus;

/**
 * What one poll found out, as the row table is to record it.
 *
 * @param failedGeneration 1 when the poll found the task's generation failed, else 0
 * @param polls how many polls were sent to find this out
 */
public record PollOutcome(long instanceId, int rowNo, String status, Instant nextPollAt, Instant generatedAt,
		String outputUrl, Integer width, Integer height, String error, int failedGeneration, int polls) {

	static PollOutcome stillRunning(PendingTask task, Instant nextPollAt, int polls) {
		return new PollOutcome(task.instanceId(), task.rowNo(), RowStatus.SUBMITTED.name(), nextPollAt, null, null,
				null, null, null, 0, polls);
	}

	static PollOutcome generated(PendingTask task, Instant at, String url, Integer width, Integer height, int polls) {
		return new PollOutcome(task.instanceId(), task.rowNo(), RowStatus.GENERATED.name(), null, at, url, width,
				height, null, 0, polls);
	}

	/** The API refused to tell about the task (unknown, forbidden): the row fails. */
	static PollOutcome failed(PendingTask task, String error, int polls) {
		return new PollOutcome(task.instanceId(), task.rowNo(), RowStatus.FAILED.name(), null, null, null, null, null,
				error, 0, polls);
	}

	/**
	 * The generation failed. Failures are not charged, so the row is submitted again
	 * until it has failed {@code maxGenerations} times.
	 */
	static PollOutcome generationFailed(PendingTask task, String failure, int maxGenerations, int polls) {
		int failures = task.failedGenerations() + 1;
		boolean again = failures < maxGenerations;
		String error = failure
				+ (again ? " (generating again: attempt " + (failures + 1) + " of " + maxGenerations + ")"
						: " (failed " + failures + " of " + maxGenerations + " attempts)");
		return new PollOutcome(task.instanceId(), task.rowNo(), (again ? RowStatus.NEW : RowStatus.FAILED).name(), null,
				null, null, null, null, error, 1, polls);
	}

}
