package io.fluxbatch.run;

import java.util.HashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * The credits one command may spend ({@code flux.job.max-credits}). Each row's price is
 * reserved, in input order, before its POST; the first row that does not fit is not sent,
 * nor is any after it. What a row is charged replaces its reservation once the API
 * answers; a POST that created no task gives its reservation back, and so does a failed
 * generation, since the vendor charges only successful ones. A POST whose answer was lost
 * may have created a task all the same: its price stays counted, so that the budget holds
 * even in the worst case.
 * <p>
 * The budget is per command, not per run: the next night's command (or a rerun with a
 * higher budget) continues the stopped run with a budget of its own.
 */
public class CreditBudget implements JobExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(CreditBudget.class);

	private final Long maxCredits;

	/** What each row submitted by this command and not yet generated is counted at. */
	private final Map<Integer, Long> open = new HashMap<>();

	private long spent;

	public CreditBudget(Long maxCredits) {
		this.maxCredits = maxCredits;
	}

	@Override
	public synchronized void beforeJob(JobExecution jobExecution) {
		this.open.clear();
		this.spent = 0;
	}

	@Override
	public void afterJob(JobExecution jobExecution) {
		if (this.maxCredits != null) {
			log.info("budget: {} of {} credits spent by this command", spent(), this.maxCredits);
		}
	}

	/**
	 * Reserves a row's price, if it fits.
	 * @return whether the row may be sent
	 */
	public synchronized boolean reserve(int rowNo, long price) {
		if (this.maxCredits != null && this.spent + price > this.maxCredits) {
			return false;
		}
		this.spent += price;
		this.open.merge(rowNo, price, Long::sum);
		return true;
	}

	/** The API answered with a task: the row counts at what it is charged. */
	public synchronized void charge(int rowNo, long credits, long possiblyLost) {
		Long reserved = this.open.put(rowNo, credits);
		this.spent += credits - ((reserved != null) ? reserved : 0) + possiblyLost;
	}

	/** No task is known for the row: only what lost answers may have cost stays. */
	public synchronized void release(int rowNo, long possiblyLost) {
		Long reserved = this.open.remove(rowNo);
		this.spent += possiblyLost - ((reserved != null) ? reserved : 0);
	}

	/** Credits this command has spent, or may have. */
	synchronized long spent() {
		return this.spent;
	}

	public synchronized long left() {
		return (this.maxCredits != null) ? this.maxCredits - this.spent : Long.MAX_VALUE;
	}

	public Long maxCredits() {
		return this.maxCredits;
	}

	/** A failed generation is not charged: its row's charge is given back. */
	public synchronized void generationFailed(int rowNo) {
		Long refunded = this.open.remove(rowNo);
		this.spent -= (refunded != null) ? refunded : 0;
	}

	/** A generated image's charge is final. */
	public synchronized void generated(int rowNo) {
		this.open.remove(rowNo);
	}

}
