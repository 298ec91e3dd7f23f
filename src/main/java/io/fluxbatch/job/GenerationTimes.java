package io.fluxbatch.job;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How long each model has taken to generate an image in this run, learned from the tasks
 * already finished, so that tasks are not polled before they can be done.
 */
public class GenerationTimes {

	private final Map<String, Mean> byModel = new ConcurrentHashMap<>();

	public void clear() {
		this.byModel.clear();
	}

	public void record(String model, Duration taken) {
		record(model, 1, taken.toMillis());
	}

	/**
	 * Adds {@code count} tasks that took {@code totalMillis} together (a restart's
	 * history).
	 */
	public void record(String model, long count, long totalMillis) {
		this.byModel.computeIfAbsent(model, (ignored) -> new Mean()).add(count, totalMillis);
	}

	/** The mean time a task of this model took, once one has finished. */
	public Optional<Duration> expected(String model) {
		Mean mean = this.byModel.get(model);
		return (mean != null) ? Optional.of(Duration.ofMillis(mean.value())) : Optional.empty();
	}

	private static final class Mean {

		private long count;

		private long total;

		synchronized void add(long tasks, long millis) {
			this.count += tasks;
			this.total += millis;
		}

		synchronized long value() {
			return this.total / this.count;
		}

	}

}
