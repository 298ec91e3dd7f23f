package io.fluxbatch.api;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What happened while one row was being submitted, whatever the outcome: how many POSTs
 * were sent, and whether one of them may have created a task whose answer never arrived
 * (a possible double charge the results must show).
 */
public final class SubmitAttempts {

	private final AtomicInteger sent = new AtomicInteger();

	private final AtomicBoolean possibleDuplicate = new AtomicBoolean();

	void sending() {
		this.sent.incrementAndGet();
	}

	void lostAnswer() {
		this.possibleDuplicate.set(true);
	}

	public int sent() {
		return this.sent.get();
	}

	public boolean possibleDuplicate() {
		return this.possibleDuplicate.get();
	}

}
