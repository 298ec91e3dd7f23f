package io.fluxbatch.poll;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import io.fluxbatch.api.ApiProtocolException;
import io.fluxbatch.api.FluxClient;
import io.fluxbatch.api.QuotaExhaustedException;
import io.fluxbatch.api.RejectedRequestException;
import io.fluxbatch.api.Task;
import io.fluxbatch.api.TaskStatus;
import io.fluxbatch.run.RunStop;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Follows one task from when it is due until it is finished, and says what the row table
 * should record: generated (with its URL), failed, or, if the run must stop or the task
 * outlasts the poll timeout (counted from when this run took it up), still running.
 */
public class TaskPoller implements ItemProcessor<PendingTask, PollOutcome> {

	private final FluxClient client;

	private final PollRows rows;

	private final PollSchedule schedule;

	private final GenerationTimes times;

	private final RunStop stop;

	private final Clock clock;

	private final int maxGenerations;

	private final Duration timeout;

	private final Semaphore polls;

	public TaskPoller(FluxClient client, PollRows rows, PollSchedule schedule, GenerationTimes times, RunStop stop,
			Clock clock, int maxGenerations, Duration timeout, int concurrency) {
		this.rows = rows;
		this.polls = new Semaphore(concurrency, true);
		this.maxGenerations = maxGenerations;
		this.client = client;
		this.schedule = schedule;
		this.times = times;
		this.stop = stop;
		this.clock = clock;
		this.timeout = timeout;
	}

	/**
	 * @return what the poll found out, committed; {@code null} when no poll was made
	 */
	@Override
	public PollOutcome process(PendingTask task) throws InterruptedException {
		PollOutcome outcome = poll(task);
		if (outcome != null) {
			this.rows.recordPoll(outcome);
		}
		return outcome;
	}

	private PollOutcome poll(PendingTask task) throws InterruptedException {
		Instant giveUpAt = this.clock.instant().plus(this.timeout);
		// A first poll's due time moves with what the run learns meanwhile.
		Supplier<Instant> due = () -> this.schedule.due(task);
		int polls = 0;
		while (true) {
			waitUntil(due);
			if (this.stop.requestsStopped()) {
				return (polls == 0) ? null : PollOutcome.stillRunning(task, due.get(), polls);
			}
			Task answer;
			try {
				answer = ask(task);
			}
			catch (QuotaExhaustedException exhausted) {
				this.stop.stopFor(exhausted);
				return (polls == 0) ? null : PollOutcome.stillRunning(task, due.get(), polls);
			}
			catch (RejectedRequestException refused) {
				return PollOutcome.failed(task, refused.describe(), polls + 1);
			}
			catch (ApiProtocolException unreadable) {
				// Says nothing about the task, which may be paid: it is polled again.
				answer = null;
			}
			polls++;
			Instant now = this.clock.instant();
			if (answer != null && task.polls() == 0 && polls == 1) {
				this.times.firstPoll(task.model(), task.submittedAt(), this.schedule.firstPollDelay(task.model()), now,
						answer.status() == TaskStatus.COMPLETED || answer.status() == TaskStatus.FAILED);
			}
			switch ((answer != null) ? answer.status() : TaskStatus.PROCESSING) {
				case COMPLETED:
					return PollOutcome.generated(task, now, answer.outputUrl(), answer.width(), answer.height(), polls);
				case FAILED:
					return PollOutcome.generationFailed(task, answer.failure(), this.maxGenerations, polls);
				default:
					Instant next = this.schedule.nextPoll(task.model(), task.polls() + polls, now);
					if (next.isAfter(giveUpAt)) {
						return PollOutcome.stillRunning(task, next, polls);
					}
					due = () -> next;
			}
		}
	}

	/** Only the request holds one of the polls in flight, not the wait before it. */
	private Task ask(PendingTask task) throws InterruptedException {
		this.polls.acquire();
		try {
			return this.client.task(task.taskId());
		}
		finally {
			this.polls.release();
		}
	}

	private void waitUntil(Supplier<Instant> due) throws InterruptedException {
		Duration untilDue = Duration.between(this.clock.instant(), due.get());
		while (untilDue.compareTo(Duration.ZERO) > 0 && !this.stop.requestsStopped()) {
			// Polling earlier would only spend quota: the task cannot be done yet.
			this.stop.pause(untilDue);
			untilDue = Duration.between(this.clock.instant(), due.get());
		}
	}

}
