package io.fluxbatch.job;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * How long each model takes to generate an image, learned from the tasks this process has
 * seen finish, so that tasks are not polled before they can be done. Only tasks submitted
 * since the run started count: one submitted before a crash and found done after the
 * restart says how long the process was down, not how long the model took.
 */
public class GenerationTimes implements JobExecutionListener {

	private final Map<String, Mean> byModel = new ConcurrentHashMap<>();

	private volatile Instant learningSince = Instant.MIN;

	@Override
	public void beforeJob(JobExecution jobExecution) {
		this.byModel.clear();
		this.learningSince = Instant.now();
	}

	/**
	 * A task of {@code model} submitted at {@code submittedAt} was seen done at
	 * {@code seenDoneAt}.
	 */
	public void record(String model, Instant submittedAt, Instant seenDoneAt) {
		if (submittedAt.isBefore(this.learningSince)) {
			return;
		}
		this.byModel.computeIfAbsent(model, (ignored) -> new Mean())
			.add(Duration.between(submittedAt, seenDoneAt).toMillis());
	}

	/** The mean time a task of this model took, once one has finished. */
	public Optional<Duration> expected(String model) {
		Mean mean = this.byModel.get(model);
		return (mean != null) ? Optional.of(Duration.ofMillis(mean.value())) : Optional.empty();
	}

	private static final class Mean {

		private long count;

		private long total;

		synchronized void add(long millis) {
			this.count++;
			this.total += millis;
		}

		synchronized long value() {
			return this.total / this.count;
		}

	}

}
