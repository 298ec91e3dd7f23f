package io.fluxbatch.api;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * What happened while one row was being submitted, whatever the outcome: how many POSTs
 * were sent, and whether one of them may have created a task whose answer never arrived
 * (a possible double charge the results must show).
 */
public final class SubmitAttempts {

	private final AtomicInteger sent = new AtomicInteger();

	private final AtomicInteger lostAnswers = new AtomicInteger();

	private final Runnable beforeFirstPost;

	private final Runnable onConcurrencyLimit;

	public SubmitAttempts() {
		this(() -> {
		});
	}

	/**
	 * @param beforeFirstPost runs once, just before the first POST leaves (after its rate
	 * limiter permit): the moment from which a task may exist
	 */
	public SubmitAttempts(Runnable beforeFirstPost) {
		this(beforeFirstPost, () -> {
		});
	}

	/**
	 * @param beforeFirstPost runs once, just before the first POST leaves
	 * @param onConcurrencyLimit runs each time the API refuses the POST because too many
	 * of the account's tasks are unfinished (429 {@code CONCURRENCY_LIMIT}), before the
	 * POST is held
	 */
	public SubmitAttempts(Runnable beforeFirstPost, Runnable onConcurrencyLimit) {
		this.beforeFirstPost = beforeFirstPost;
		this.onConcurrencyLimit = onConcurrencyLimit;
	}

	void concurrencyLimited() {
		this.onConcurrencyLimit.run();
	}

	void sending() {
		if (this.sent.getAndIncrement() == 0) {
			this.beforeFirstPost.run();
		}
	}

	void lostAnswer() {
		this.lostAnswers.incrementAndGet();
	}

	/**
	 * The API accepted a POST, but its answer could not be kept (the row table refused
	 * it): as good as lost, the task may exist and be paid.
	 */
	public void answerNotKept() {
		lostAnswer();
	}

	public int sent() {
		return this.sent.get();
	}

	/** POSTs whose answer was lost: each may have created a task. */
	public int lostAnswers() {
		return this.lostAnswers.get();
	}

	public boolean possibleDuplicate() {
		return lostAnswers() > 0;
	}

}
