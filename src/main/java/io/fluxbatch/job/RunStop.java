package io.fluxbatch.job;

import java.util.concurrent.atomic.AtomicReference;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

import io.fluxbatch.api.ApiException;
import io.fluxbatch.api.QuotaExhaustedException;

/**
 * Why this run has to stop before every row is done. Out of credits, it stops submitting
 * but still polls and downloads what was already paid for; out of daily quota, it stops
 * sending requests at all. Either way the run then ends STOPPED and the same command
 * continues it.
 */
public class RunStop implements JobExecutionListener {

	private final AtomicReference<String> reason = new AtomicReference<>();

	private volatile boolean noMoreRequests;

	@Override
	public void beforeJob(JobExecution jobExecution) {
		this.reason.set(null);
		this.noMoreRequests = false;
	}

	/** Records the account's answer; the first reason is the one reported. */
	void stopFor(ApiException exhausted) {
		this.reason.compareAndSet(null, StopReasons.of(exhausted));
		if (exhausted instanceof QuotaExhaustedException) {
			this.noMoreRequests = true;
		}
	}

	/** No further generation may be submitted. */
	public boolean stopped() {
		return this.reason.get() != null;
	}

	/** No further request of any kind may be sent (polls count against the quota too). */
	boolean requestsStopped() {
		return this.noMoreRequests;
	}

	public String reason() {
		return this.reason.get();
	}

}
