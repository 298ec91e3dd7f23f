package io.fluxbatch.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.fluxbatch.api.ApiProtocolException;
import io.fluxbatch.api.FluxClient;
import io.fluxbatch.api.QuotaExhaustedException;
import io.fluxbatch.api.RejectedRequestException;
import io.fluxbatch.api.Task;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Asks the API about one task once it is due, and says what the row table should record:
 * still running (and when to ask next), generated (with its URL), or failed.
 */
public class TaskPoller implements ItemProcessor<PendingTask, PollOutcome> {

	private final FluxClient client;

	private final PollSchedule schedule;

	private final GenerationTimes times;

	private final RunStop stop;

	private final Clock clock;

	private final int maxGenerations;

	public TaskPoller(FluxClient client, PollSchedule schedule, GenerationTimes times, RunStop stop, Clock clock,
			int maxGenerations) {
		this.maxGenerations = maxGenerations;
		this.client = client;
		this.schedule = schedule;
		this.times = times;
		this.stop = stop;
		this.clock = clock;
	}

	@Override
	public PollOutcome process(PendingTask task) throws InterruptedException {
		waitUntilDue(task);
		if (this.stop.requestsStopped()) {
			return null;
		}
		Task answer;
		try {
			answer = this.client.task(task.taskId());
		}
		catch (QuotaExhaustedException exhausted) {
			this.stop.stopFor(exhausted);
			return null;
		}
		catch (RejectedRequestException | ApiProtocolException refused) {
			return PollOutcome.failed(task, refused.describe());
		}
		Instant now = this.clock.instant();
		return switch (answer.status()) {
			case COMPLETED -> {
				this.times.record(task.model(), task.submittedAt(), now);
				yield PollOutcome.generated(task, now, answer.outputUrl(), answer.width(), answer.height());
			}
			case FAILED -> PollOutcome.generationFailed(task, answer.failure(), this.maxGenerations);
			default -> PollOutcome.stillRunning(task, this.schedule.nextPoll(task.model(), task.polls() + 1, now));
		};
	}

	private void waitUntilDue(PendingTask task) throws InterruptedException {
		Duration untilDue = Duration.between(this.clock.instant(), task.nextPollAt());
		if (!untilDue.isNegative() && !untilDue.isZero()) {
			// Polling earlier would only spend quota: the task cannot be done yet.
			this.stop.pause(untilDue);
		}
	}

}
