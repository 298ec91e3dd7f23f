package io.fluxbatch.job;

import java.util.concurrent.atomic.AtomicReference;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * Why this run has to stop before every row is done (credits used up, the daily quota
 * reached). Steps stop sending requests once it is set; work already paid for is still
 * collected, and the run then ends STOPPED so the same command continues it later.
 */
public class RunStop implements JobExecutionListener {

	private final AtomicReference<String> reason = new AtomicReference<>();

	@Override
	public void beforeJob(JobExecution jobExecution) {
		this.reason.set(null);
	}

	/** Records the first reason; later ones are consequences of it. */
	public void stop(String why) {
		this.reason.compareAndSet(null, why);
	}

	public boolean stopped() {
		return this.reason.get() != null;
	}

	public String reason() {
		return this.reason.get();
	}

}
