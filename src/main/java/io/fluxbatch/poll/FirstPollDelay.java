package io.fluxbatch.poll;

import java.time.Duration;

/**
 * How long after its submission a task of one model is first polled: an estimate of the
 * 98th percentile of the model's generation time, so that nearly every task is done at
 * its first poll and costs two requests in all. It is learned from first polls alone (a
 * stochastic quantile estimate): a task still running pushes the delay up past the time
 * it was polled at; a task found done on time pulls it down a little. At the balance
 * about 2 % of first polls find the task still running.
 * <p>
 * Until a first poll has found a task still running, the delay is only known to be too
 * long (the configured start, 5 s, against a model that may take 1 s): each task found
 * done on time then takes a seventh off it, so that the delay reaches the model's times
 * within a dozen tasks instead of hundreds, and every task of a short run is not polled
 * late. The first task found running ends that descent.
 *
 * @param value the delay
 * @param settled whether a first poll has found a task still running
 */
record FirstPollDelay(Duration value, boolean settled) {

	static final double QUANTILE = 0.98;

	private static final double STEP = 0.2;

	private static final double UP = 1 + STEP * QUANTILE;

	private static final double DOWN = 1 - STEP * (1 - QUANTILE);

	private static final double DESCENT = 0.85;

	/** A done answer later than this says nothing about whether the delay was enough. */
	private static final double ON_TIME = 1.1;

	private static final Duration ON_TIME_SLACK = Duration.ofMillis(250);

	/**
	 * The delay after a first poll made {@code elapsed} after the task's submission.
	 * @param elapsed from submission to the poll's answer
	 * @param done whether the task had finished (completed or failed)
	 * @return the new delay
	 */
	/** The configured delay, not yet tried against any task. */
	FirstPollDelay(Duration value) {
		this(value, false);
	}

	FirstPollDelay after(Duration elapsed, boolean done) {
		long current = this.value.toMillis();
		if (!done) {
			// The task takes longer than it has run: the delay must at least pass that.
			long base = Math.max(current, elapsed.toMillis());
			return new FirstPollDelay(Duration.ofMillis(Math.max(base + 1, Math.round(base * UP))), true);
		}
		boolean onTime = elapsed.toMillis() <= Math.round(current * ON_TIME) + ON_TIME_SLACK.toMillis();
		if (!onTime) {
			return this;
		}
		return new FirstPollDelay(Duration.ofMillis(Math.round(current * (this.settled ? DOWN : DESCENT))),
				this.settled);
	}

}
