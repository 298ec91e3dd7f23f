package io.fluxbatch.poll;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * How long to wait before the first poll of a task of each model, learned from the first
 * polls of this run (see {@link FirstPollDelay}), so that tasks are not polled before
 * they can be done. Only tasks submitted since the run started count: one submitted
 * before a crash and found done after the restart says how long the process was down, not
 * how long the model took.
 */
public class GenerationTimes implements JobExecutionListener {

	private final Clock clock;

	private final Map<String, FirstPollDelay> byModel = new ConcurrentHashMap<>();

	private volatile Instant learningSince = Instant.MIN;

	public GenerationTimes(Clock clock) {
		this.clock = clock;
	}

	@Override
	public void beforeJob(JobExecution jobExecution) {
		this.byModel.clear();
		this.learningSince = this.clock.instant();
	}

	/**
	 * The first poll of a task of {@code model} submitted at {@code submittedAt}, due
	 * {@code delay} after it, was answered at {@code answeredAt}.
	 * @param done whether the task had finished, completed or failed
	 */
	public void firstPoll(String model, Instant submittedAt, Duration delay, Instant answeredAt, boolean done) {
		if (submittedAt.isBefore(this.learningSince)) {
			return;
		}
		Duration elapsed = Duration.between(submittedAt, answeredAt);
		this.byModel.compute(model,
				(name, learned) -> ((learned != null) ? learned : new FirstPollDelay(delay)).after(elapsed, done));
	}

	/** The first-poll delay learned for this model, once one of its tasks was polled. */
	public Optional<Duration> expected(String model) {
		FirstPollDelay learned = this.byModel.get(model);
		return (learned != null) ? Optional.of(learned.value()) : Optional.empty();
	}

}
