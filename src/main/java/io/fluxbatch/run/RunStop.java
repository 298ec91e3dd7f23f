package io.fluxbatch.run;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import io.fluxbatch.api.ApiException;
import io.fluxbatch.api.QuotaExhaustedException;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * Why this run has to stop before every row is done, and how much it may still do. Out of
 * credits, it stops submitting but still polls and downloads what was already paid for;
 * out of daily quota, it sends no more API requests; asked to stop (SIGTERM, Ctrl-C), it
 * lets the requests in flight finish and starts nothing new; at the end of its budget, it
 * submits no row past the one that did not fit. Either way the run ends STOPPED and the
 * same command continues it.
 */
public class RunStop implements JobExecutionListener {

	private enum Level {

		NONE, BUDGET, SUBMISSIONS, API_REQUESTS, EVERYTHING

	}

	private final AtomicReference<String> reason = new AtomicReference<>();

	private volatile Level level = Level.NONE;

	private volatile String collectOnly;

	@Override
	public void beforeJob(JobExecution jobExecution) {
		this.reason.set(null);
		this.level = Level.NONE;
		String why = this.collectOnly;
		this.collectOnly = null;
		if (why != null) {
			raise(Level.SUBMISSIONS, why);
		}
	}

	/**
	 * The next run to start only collects what was already paid for: it polls and
	 * downloads, and submits nothing (its input changed since it started).
	 */
	public void collectOnly(String why) {
		this.collectOnly = why;
	}

	/** Records the account's answer; the first reason is the one reported. */
	public void stopFor(ApiException exhausted) {
		raise((exhausted instanceof QuotaExhaustedException) ? Level.API_REQUESTS : Level.SUBMISSIONS,
				StopReasons.of(exhausted));
	}

	/**
	 * The run's budget cannot pay for the next row: rows already within the budget are
	 * still sent, none after them.
	 */
	public void stopForBudget(String why) {
		raise(Level.BUDGET, why);
	}

	/** A stop was asked for: finish what is in flight, start nothing new. */
	public void requestStop() {
		raise(Level.EVERYTHING, "a stop was requested: run the same command again to continue");
	}

	private synchronized void raise(Level to, String why) {
		this.reason.compareAndSet(null, why);
		if (to.compareTo(this.level) > 0) {
			this.level = to;
		}
		notifyAll();
	}

	/** No further row may be taken up for submission. */
	public boolean stopped() {
		return this.level != Level.NONE;
	}

	/**
	 * Not even a row already taken up within the budget may be sent (the account, not the
	 * budget, ran out).
	 */
	public boolean submissionsStopped() {
		return this.level.compareTo(Level.SUBMISSIONS) >= 0;
	}

	/** No further API request may be sent (polls count against the quota too). */
	public boolean requestsStopped() {
		return this.level.compareTo(Level.API_REQUESTS) >= 0;
	}

	/** Nothing new may be started, not even a download. */
	public boolean everythingStopped() {
		return this.level == Level.EVERYTHING;
	}

	/** Waits up to {@code duration}, returning early when requests are stopped. */
	public synchronized void pause(Duration duration) throws InterruptedException {
		long until = System.nanoTime() + duration.toNanos();
		for (long left = duration.toMillis(); left > 0
				&& !requestsStopped(); left = (until - System.nanoTime()) / 1_000_000) {
			wait(left);
		}
	}

	public String reason() {
		return this.reason.get();
	}

}
