package io.fluxbatch.api;

import java.time.Duration;
import java.time.Instant;

/**
 * The account's pace, shared by every run that uses the account: the API's burst limit
 * counts the account's requests, not one run's, so runs sharing a job database take their
 * slots from one schedule there and hold together for a {@code Retry-After} any of them
 * was given. Each run still finds the pace itself ({@link AdaptivePace}); the shared
 * schedule makes the runs together keep to it.
 */
public interface AccountPace {

	/** A run on its own: its slots are its own. */
	AccountPace UNSHARED = new AccountPace() {

		@Override
		public Slot book(Instant wanted, Duration interval) {
			return new Slot(wanted, Instant.MIN);
		}

		@Override
		public void hold(Instant until) {
		}

	};

	/**
	 * Books the account's next free slot.
	 * @param wanted the earliest this run may send (its own pace and holds)
	 * @param interval how long the slot lasts at this run's pace
	 * @return the slot booked, no earlier than {@code wanted}
	 */
	Slot book(Instant wanted, Duration interval);

	/**
	 * Holds every run's requests until {@code until}: the API asked one of them to wait.
	 */
	void hold(Instant until);

	/**
	 * A booked slot.
	 *
	 * @param at when the request may be sent
	 * @param heldUntil until when the account's requests are held ({@link Instant#MIN}
	 * for never)
	 */
	record Slot(Instant at, Instant heldUntil) {
	}

}
