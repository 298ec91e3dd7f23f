package io.fluxbatch.submit;

import java.time.Duration;

import io.fluxbatch.run.RunStop;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * The run's tasks not yet seen finished, and how many of them the API allows at once,
 * learned each time it refuses a new one (429 {@code CONCURRENCY_LIMIT}): from then on a
 * row is only sent when one of the run's own tasks has finished, so that a capped account
 * meets the cap about once, instead of once per freed slot. The API does not say when a
 * slot frees; the run knows, since it polls each of its tasks when it is due.
 */
public class TasksInFlight implements JobExecutionListener {

	private static final Duration LOOK_AGAIN = Duration.ofMillis(500);

	/** Tasks created and not yet seen finished. */
	private int unfinished;

	/** Rows admitted whose POST has not been answered yet. */
	private int sending;

	private int allowed = Integer.MAX_VALUE;

	@Override
	public synchronized void beforeJob(JobExecution jobExecution) {
		this.unfinished = 0;
		this.sending = 0;
		this.allowed = Integer.MAX_VALUE;
	}

	/**
	 * Waits until the API is likely to take one more task (or submissions stop).
	 */
	public synchronized void admit(RunStop stop) throws InterruptedException {
		while (this.unfinished + this.sending >= this.allowed && !stop.submissionsStopped()) {
			wait(LOOK_AGAIN.toMillis());
		}
		this.sending++;
	}

	/** Whether {@link #admit} would wait now. */
	synchronized boolean wouldWait() {
		return this.unfinished + this.sending >= this.allowed;
	}

	/** An admitted row's POST was answered: with a task, or with none. */
	public synchronized void sent(boolean created) {
		this.sending--;
		if (created) {
			this.unfinished++;
		}
		notifyAll();
	}

	/** A task an earlier command created is followed from now on. */
	public synchronized void following() {
		this.unfinished++;
	}

	/** A task was seen finished, or is followed no more. */
	public synchronized void finished() {
		this.unfinished--;
		notifyAll();
	}

	/**
	 * The API refused a new task, too many being unfinished. It counts at most the tasks
	 * created and not seen finished (fewer, if some have finished unseen), and at least
	 * its cap: so the cap is at most that, and each refusal brings the estimate closer.
	 */
	synchronized void limitMet() {
		this.allowed = Math.max(1, Math.min(this.allowed, this.unfinished));
	}

}
