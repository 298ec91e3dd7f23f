package io.fluxbatch.job;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

import org.springframework.batch.infrastructure.item.ItemReader;

/**
 * Reads submitted tasks in the order they fall due, oldest first, until none is left
 * unfinished, the run must stop, or the poll timeout has passed (the tasks left then stay
 * pending for a rerun). The poller follows each task to its end, so none has to be read
 * twice. Paging by (next poll time, row) keeps memory flat.
 */
public class PendingTaskReader implements ItemReader<PendingTask> {

	private final RowTable rows;

	private final long instanceId;

	private final Instant deadline;

	private final RunStop stop;

	private final Clock clock;

	private final int pageSize;

	private final Deque<PendingTask> page = new ArrayDeque<>();

	private Instant lastPollAt = Instant.EPOCH;

	private int lastRow = 0;

	public PendingTaskReader(RowTable rows, long instanceId, Instant deadline, RunStop stop, Clock clock,
			int pageSize) {
		this.rows = rows;
		this.instanceId = instanceId;
		this.deadline = deadline;
		this.stop = stop;
		this.clock = clock;
		this.pageSize = pageSize;
	}

	@Override
	public PendingTask read() {
		if (this.stop.requestsStopped() || this.clock.instant().isAfter(this.deadline)) {
			return null;
		}
		if (this.page.isEmpty()) {
			this.page
				.addAll(this.rows.pendingTasksAfter(this.instanceId, this.lastPollAt, this.lastRow, this.pageSize));
			if (this.page.isEmpty()) {
				return null;
			}
		}
		PendingTask next = this.page.poll();
		this.lastPollAt = next.nextPollAt();
		this.lastRow = next.rowNo();
		return next;
	}

}
