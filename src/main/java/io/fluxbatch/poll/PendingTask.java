package io.fluxbatch.poll;

import java.time.Instant;

/**
 * A submitted task that is not known to be finished, and when it is next worth asking
 * about.
 */
public record PendingTask(long instanceId, int rowNo, String taskId, String model, Instant submittedAt,
		Instant nextPollAt, int polls, int failedGenerations) {
}
