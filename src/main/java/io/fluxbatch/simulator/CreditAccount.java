package io.fluxbatch.simulator;

import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The simulated account's credits: reserved when a task is accepted, refunded if it
 * fails, counted as charged once it completes, as the vendor bills only successes.
 */
final class CreditAccount {

	private final AtomicLong balance;

	private final AtomicLong charged = new AtomicLong();

	CreditAccount(long startingBalance) {
		this.balance = new AtomicLong(startingBalance);
	}

	/**
	 * Takes {@code price} from the balance if it is covered.
	 * @param price credits to reserve
	 * @return the balance left, or empty when the balance is too low
	 */
	OptionalLong reserve(long price) {
		while (true) {
			long current = this.balance.get();
			if (current < price) {
				return OptionalLong.empty();
			}
			if (this.balance.compareAndSet(current, current - price)) {
				return OptionalLong.of(current - price);
			}
		}
	}

	void refund(long price) {
		this.balance.addAndGet(price);
	}

	void charge(long price) {
		this.charged.addAndGet(price);
	}

	void add(long credits) {
		this.balance.addAndGet(credits);
	}

	void set(long credits) {
		this.balance.set(credits);
	}

	long balance() {
		return this.balance.get();
	}

	long charged() {
		return this.charged.get();
	}

}
