package io.fluxbatch.poll;

import java.time.Duration;
import java.time.Instant;

import io.fluxbatch.run.FluxJobProperties;

/**
 * When a task is next worth asking about: first after the delay learned for its model (a
 * high percentile of its generation time, so one poll nearly always suffices), then
 * backing off (x1.5 per poll, capped), as the vendor recommends.
 */
public class PollSchedule {

	private static final Duration MIN_INTERVAL = Duration.ofMillis(250);

	private final GenerationTimes times;

	private final FluxJobProperties.Poll settings;

	public PollSchedule(GenerationTimes times, FluxJobProperties.Poll settings) {
		this.times = times;
		this.settings = settings;
	}

	public Instant firstPoll(String model, Instant submittedAt) {
		return submittedAt.plus(firstPollDelay(model));
	}

	/**
	 * When the task is due now: a first poll moves with what has been learned since the
	 * task was stored, a later one keeps the time it was given.
	 */
	Instant due(PendingTask task) {
		return (task.polls() == 0) ? firstPoll(task.model(), task.submittedAt()) : task.nextPollAt();
	}

	/** After {@code polls} polls found the task still running. */
	Instant nextPoll(String model, int polls, Instant now) {
		Duration base = firstPollDelay(model).dividedBy(4);
		if (base.compareTo(MIN_INTERVAL) < 0) {
			base = MIN_INTERVAL;
		}
		double factor = Math.pow(1.5, Math.max(0, polls - 1));
		long millis = (long) Math.min(base.toMillis() * factor, this.settings.maxInterval().toMillis());
		return now.plusMillis(millis);
	}

	Duration firstPollDelay(String model) {
		return this.times.expected(model).orElse(this.settings.firstPollAfter());
	}

}
