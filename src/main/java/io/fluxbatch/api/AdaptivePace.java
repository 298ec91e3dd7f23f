package io.fluxbatch.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The pace of all API requests together, found rather than configured: the API's burst
 * limit is nowhere documented and differs between accounts, so the pace starts where
 * every account is safe, doubles while requests succeed, and once the API has answered a
 * burst 429 searches between the fastest pace it has sustained and the slowest it was
 * refused at, settling just under the limit.
 *
 * <p>
 * A bisection rather than plain additive increase and multiplicative decrease: the limits
 * of such APIs are a count per window, so the best steady pace is a constant just under
 * it, while a saw-tooth would average three quarters of it and meet a 429 on every tooth.
 * Every slow step (one window of success) either raises the floor or, refused, lowers the
 * ceiling, so the pace is within 3 % of the limit after a few windows and then only
 * probes above it every {@link #PROBE_EVERY}, in case the limit has risen (another tool
 * on the account has finished).
 *
 * <p>
 * The pace only rises while callers are waiting for it: a pace that nothing uses proves
 * nothing about the limit. Not thread-safe by itself; {@link ApiResilience} calls it
 * under a lock.
 */
final class AdaptivePace {

	/** Requests per second every plan tolerates, the old fixed default. */
	static final double SAFE_START = 5;

	/** How close the floor and the ceiling of the search must come to stop it. */
	static final double SETTLED = 0.03;

	/** How long the pace must hold without a 429 before it counts as sustained. */
	static final Duration STEP = Duration.ofSeconds(1);

	/** How long a settled pace stays before it tries a little faster again. */
	static final Duration PROBE_EVERY = Duration.ofSeconds(60);

	/**
	 * The slowest pace: refusals that are not about the pace (an API that answers 429 at
	 * random) must not bring it to a standstill.
	 */
	static final double SLOWEST = 0.5;

	/** The cut when the API refuses a pace already proven: the limit itself fell. */
	private static final double CUT = 0.7;

	private static final double PROBE_RAISE = 1.05;

	private final Clock clock;

	private final double ceiling;

	private double rate;

	/** The fastest pace sustained since the last refusal below it. */
	private double sustained;

	/** The slowest pace refused, or infinity before the first burst 429. */
	private double refused = Double.POSITIVE_INFINITY;

	private Instant nextSlot = Instant.MIN;

	private Instant heldUntil = Instant.MIN;

	private Instant stepStart;

	private long stepSuccesses;

	/**
	 * @param clock the time slots are measured in
	 * @param ceiling the most requests per second ever, {@code null} for none
	 */
	AdaptivePace(Clock clock, Double ceiling) {
		this.clock = clock;
		this.ceiling = (ceiling != null) ? ceiling : Double.POSITIVE_INFINITY;
		this.rate = Math.min(SAFE_START, this.ceiling);
		this.sustained = 0;
		this.stepStart = clock.instant();
	}

	/**
	 * Takes the next free slot: one every {@code 1 / rate} seconds, none before a
	 * {@code Retry-After} has passed.
	 * @return when the caller may send its request (now or later)
	 */
	Instant reserve() {
		return reserve(AccountPace.UNSHARED);
	}

	/**
	 * Takes the next free slot of this pace and of the account's: another run on the
	 * account may have taken the slots this one would have had.
	 * @return when the caller may send its request (now or later)
	 */
	Instant reserve(AccountPace account) {
		Instant wanted = latest(this.clock.instant(), this.nextSlot, this.heldUntil);
		long interval = Math.round(1_000_000_000 / this.rate);
		AccountPace.Slot booked = account.book(wanted, Duration.ofNanos(interval));
		Instant now = this.clock.instant();
		if (booked.heldUntil().isAfter(this.heldUntil) && booked.heldUntil().isAfter(now)) {
			// Another run on the account was refused: the pace refused was the account's.
			// A hold that has already passed (a run of last night, or one killed before
			// this began) says nothing about the pace now.
			refused(Duration.between(now, booked.heldUntil()));
		}
		// The limit is the account's: slots the other runs used count as this pace used,
		// or two runs sharing it would each find it half idle and never raise it. A hold
		// of theirs is not a use.
		Instant usedFrom = booked.heldUntil().isAfter(wanted) ? booked.heldUntil() : wanted;
		if (booked.at().isAfter(usedFrom)) {
			this.stepSuccesses += Duration.between(usedFrom, booked.at()).toNanos() / interval;
		}
		this.nextSlot = booked.at().plusNanos(interval);
		return booked.at();
	}

	/** When the next slot is free, if nobody takes it before. */
	Instant nextFree() {
		return latest(this.clock.instant(), this.nextSlot, this.heldUntil);
	}

	/** A request got through the API's burst limit (whatever else its answer said). */
	void passed() {
		Instant now = this.clock.instant();
		this.stepSuccesses++;
		Duration held = Duration.between(this.stepStart, now);
		boolean searching = this.refused != Double.POSITIVE_INFINITY;
		// Before the first refusal nothing is at stake but time: the pace doubles every
		// half step; afterwards each step must cover a whole window of the API's.
		if (held.compareTo(searching ? STEP : STEP.dividedBy(2)) < 0) {
			return;
		}
		if (this.stepSuccesses < 0.8 * this.rate * held.toMillis() / 1000.0) {
			// Not used to the full: a pace nobody asked for proves nothing about the
			// limit.
			startStep(now);
			return;
		}
		this.sustained = Math.max(this.sustained, this.rate);
		if (!searching) {
			setRate(this.rate * 2, now);
		}
		else if (this.refused - this.sustained > SETTLED * this.refused) {
			setRate((this.sustained + this.refused) / 2, now);
		}
		else if (held.compareTo(PROBE_EVERY) >= 0) {
			this.refused = Math.max(this.refused, this.sustained) * PROBE_RAISE;
			setRate((this.sustained + this.refused) / 2, now);
		}
	}

	/**
	 * The API answered a burst 429: hold every request for its {@code Retry-After}, and
	 * go back to the fastest pace sustained below the one refused.
	 * @param retryAfter how long the API asked us to wait
	 * @return until when requests are held: the account's runs must hold to the same
	 * instant, or this pace would take their hold for another refusal
	 */
	Instant refused(Duration retryAfter) {
		Instant now = this.clock.instant();
		if (now.isBefore(this.heldUntil)) {
			// Sent before the first refusal was known: it says nothing new.
			return this.heldUntil;
		}
		this.heldUntil = now.plus(retryAfter);
		this.refused = this.rate;
		if (this.sustained >= this.rate) {
			this.sustained = this.rate * CUT;
		}
		setRate((this.sustained > 0) ? this.sustained : this.rate * CUT, this.heldUntil);
		return this.heldUntil;
	}

	/** The current pace, in requests per second. */
	double rate() {
		return this.rate;
	}

	private void setRate(double rate, Instant from) {
		this.rate = Math.min(Math.max(rate, SLOWEST), this.ceiling);
		startStep(from);
	}

	private void startStep(Instant from) {
		this.stepStart = from;
		this.stepSuccesses = 0;
	}

	private static Instant latest(Instant a, Instant b, Instant c) {
		Instant later = a.isAfter(b) ? a : b;
		return later.isAfter(c) ? later : c;
	}

}
