package io.fluxbatch.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Holds new submissions while the API says too many of the account's tasks are unfinished
 * (429 {@code CONCURRENCY_LIMIT}; Black Forest Labs' own API caps an account at 24):
 * waiting, not retrying, until a task is likely to have finished, so that a capped
 * account never sees a loop of refused POSTs.
 *
 * <p>
 * Once the API has refused one, submissions go one at a time for the rest of the run: a
 * wave of concurrent POSTs would meet the same cap with as many refusals. The API does
 * not say when a slot frees, so the gate learns it: tasks free their slots in the order
 * they were created, so the slots of one wave free about as long after its first task as
 * the previous wave took; each wave is awaited that long (a little less each time the
 * guess was right, so it does not stay late), and a guess too early is followed by short
 * steps growing 1.5 times. A refused POST was not handled, so sending it again is safe
 * and is never flagged as a possible duplicate. When the API has refused every submission
 * for longer than {@code give-up-after}, the call fails as any lasting failure does.
 */
final class SubmitGate {

	private static final String CODE = "CONCURRENCY_LIMIT";

	private static final Pattern ABOUT_UNFINISHED_TASKS = Pattern
		.compile("(?i)concurren|active tasks|unfinished tasks|tasks in flight|tasks in progress");

	private static final Duration FIRST_STEP = Duration.ofMillis(500);

	private static final Duration SHORTEST_STEP = Duration.ofMillis(50);

	private static final Duration LONGEST_STEP = Duration.ofSeconds(10);

	private final Clock clock;

	private final Duration giveUpAfter;

	private final ReentrantLock oneAtATime = new ReentrantLock(true);

	private volatile boolean capped;

	// Guarded by oneAtATime.
	private int refusals;

	private Instant refusedSince;

	private Instant lastAnswer = Instant.MIN;

	private Instant waveStart;

	private Duration wavePeriod;

	private boolean awaitedWave;

	SubmitGate(Clock clock, Duration giveUpAfter) {
		this.clock = clock;
		this.giveUpAfter = giveUpAfter;
	}

	/**
	 * Whether a failure is the API's refusal of new tasks while too many are unfinished.
	 */
	static boolean isConcurrencyLimit(Throwable failure) {
		return failure instanceof TransientApiException refusal && refusal.httpStatus() == 429 && (CODE
			.equals(refusal.code())
				|| (refusal.getMessage() != null && ABOUT_UNFINISHED_TASKS.matcher(refusal.getMessage()).find()));
	}

	/**
	 * Sends {@code post}, holding it as long as the API refuses new tasks;
	 * {@code refused} hears of each refusal.
	 */
	<T> T submit(Supplier<T> post, Runnable refused) {
		if (!this.capped) {
			try {
				return post.get();
			}
			catch (TransientApiException failure) {
				if (!isConcurrencyLimit(failure)) {
					throw failure;
				}
				this.capped = true;
				refused.run();
				return oneAtATime(post, refused, failure, this.clock.instant());
			}
		}
		return oneAtATime(post, refused, null, null);
	}

	private <T> T oneAtATime(Supplier<T> post, Runnable refused, TransientApiException refusal, Instant refusedAt) {
		try {
			this.oneAtATime.lockInterruptibly();
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			throw new TransientApiException(0, "INTERRUPTED", "interrupted while the API held new tasks", null, false,
					interrupted);
		}
		try {
			// A refusal answered before another submission got its answer is stale: that
			// one has already waited.
			if (refusal != null && refusedAt.isAfter(this.lastAnswer)) {
				hold(refusal);
			}
			while (true) {
				try {
					T task = post.get();
					accepted();
					return task;
				}
				catch (TransientApiException failure) {
					if (!isConcurrencyLimit(failure)) {
						throw failure;
					}
					refused.run();
					hold(failure);
				}
			}
		}
		finally {
			this.oneAtATime.unlock();
		}
	}

	private void accepted() {
		Instant now = this.clock.instant();
		if (this.refusals > 0) {
			// The first task after a hold: a wave of freed slots begins.
			if (this.waveStart != null) {
				Duration observed = Duration.between(this.waveStart, now);
				this.wavePeriod = (this.awaitedWave && this.refusals == 1) ? observed.multipliedBy(95).dividedBy(100)
						: observed;
			}
			this.waveStart = now;
		}
		this.refusals = 0;
		this.refusedSince = null;
		this.lastAnswer = now;
	}

	private void hold(TransientApiException refusal) {
		Instant now = this.clock.instant();
		this.lastAnswer = now;
		if (this.refusedSince == null) {
			this.refusedSince = now;
		}
		if (Duration.between(this.refusedSince, now).compareTo(this.giveUpAfter) > 0) {
			throw new TransientApiException(429, CODE, "the API has refused new tasks for over "
					+ this.giveUpAfter.toSeconds() + "s, too many being unfinished: " + refusal.getMessage(), null,
					false, refusal);
		}
		this.refusals++;
		Instant nextWave = (this.waveStart != null && this.wavePeriod != null) ? this.waveStart.plus(this.wavePeriod)
				: null;
		this.awaitedWave = refusal.retryAfter() == null && this.refusals == 1 && nextWave != null
				&& nextWave.isAfter(now);
		Instant until;
		if (refusal.retryAfter() != null) {
			until = now.plus(refusal.retryAfter());
		}
		else if (this.awaitedWave) {
			until = nextWave;
		}
		else {
			until = now.plus(step());
		}
		sleepUntil(until);
	}

	/** A step of the search for the moment a slot frees, 1.5 times longer each time. */
	private Duration step() {
		Duration first = (this.wavePeriod != null) ? max(SHORTEST_STEP, this.wavePeriod.dividedBy(20)) : FIRST_STEP;
		double growth = Math.pow(1.5, Math.min(this.refusals - 1, 20));
		Duration step = Duration.ofNanos((long) (first.toNanos() * growth));
		return (step.compareTo(LONGEST_STEP) > 0) ? LONGEST_STEP : step;
	}

	private void sleepUntil(Instant until) {
		long millis = Duration.between(this.clock.instant(), until).toMillis();
		if (millis <= 0) {
			return;
		}
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			throw new TransientApiException(0, "INTERRUPTED", "interrupted while the API held new tasks", null, false,
					interrupted);
		}
	}

	private static Duration max(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

}
