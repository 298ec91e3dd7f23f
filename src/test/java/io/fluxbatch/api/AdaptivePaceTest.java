package io.fluxbatch.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pace found against a simulated API limit (a fixed window of N requests per second,
 * 429 with {@code Retry-After: 1} beyond it), in simulated time: a caller that always has
 * a request ready, each sent the moment its slot comes.
 */
class AdaptivePaceTest {

	private final SteppedClock clock = new SteppedClock();

	@ParameterizedTest
	@ValueSource(ints = { 5, 20, 40, 100 })
	void settlesJustUnderAnUnknownLimitWithFewRefusals(int limit) {
		AdaptivePace pace = new AdaptivePace(this.clock, null);
		PerSecondLimit api = new PerSecondLimit(limit);

		Traffic whole = send(pace, api, Duration.ofSeconds(300));
		Traffic lastMinute = send(pace, api, Duration.ofSeconds(60));

		assertThat(lastMinute.passed / 60.0).isBetween(0.9 * limit, 1.0 * limit);
		assertThat((double) (whole.refused + lastMinute.refused) / (whole.sent + lastMinute.sent)).isLessThan(0.02);
	}

	@Test
	void neverGoesAboveTheConfiguredCeiling() {
		AdaptivePace pace = new AdaptivePace(this.clock, 10.0);
		PerSecondLimit api = new PerSecondLimit(100);

		send(pace, api, Duration.ofSeconds(60));
		Traffic lastMinute = send(pace, api, Duration.ofSeconds(60));

		assertThat(pace.rate()).isEqualTo(10.0);
		assertThat(lastMinute.passed).isBetween(599L, 601L);
		assertThat(lastMinute.refused).isZero();
	}

	@Test
	void aRefusalHoldsEveryRequestForItsRetryAfter() {
		AdaptivePace pace = new AdaptivePace(this.clock, null);
		Instant refusedAt = this.clock.instant();

		pace.refused(Duration.ofSeconds(3));

		assertThat(pace.reserve()).isEqualTo(refusedAt.plusSeconds(3));
		assertThat(pace.rate()).isLessThan(AdaptivePace.SAFE_START);
	}

	@Test
	void aPaceNobodyUsesDoesNotRise() {
		AdaptivePace pace = new AdaptivePace(this.clock, null);

		for (int i = 0; i < 120; i++) {
			this.clock.set(this.clock.instant().plusSeconds(1));
			this.clock.set(pace.reserve());
			pace.passed();
		}

		assertThat(pace.rate()).isEqualTo(AdaptivePace.SAFE_START);
	}

	@Test
	void followsALimitThatFallsWhenAnotherToolSharesTheAccount() {
		AdaptivePace pace = new AdaptivePace(this.clock, null);
		send(pace, new PerSecondLimit(40), Duration.ofSeconds(120));
		PerSecondLimit shared = new PerSecondLimit(10);

		Traffic afterwards = send(pace, shared, Duration.ofSeconds(120));
		Traffic lastMinute = send(pace, shared, Duration.ofSeconds(60));

		assertThat(lastMinute.passed / 60.0).isBetween(9.0, 10.0);
		assertThat((double) afterwards.refused / afterwards.sent).isLessThan(0.02);
	}

	@Test
	void twoRunsSharingTheAccountSettleTogetherJustUnderItsLimit() {
		AccountSchedule account = new AccountSchedule();
		List<AdaptivePace> runs = List.of(new AdaptivePace(this.clock, null), new AdaptivePace(this.clock, null));
		PerSecondLimit api = new PerSecondLimit(40);

		Traffic whole = send(runs, account, api, Duration.ofSeconds(300));
		Traffic lastMinute = send(runs, account, api, Duration.ofSeconds(60));

		assertThat(lastMinute.passed / 60.0).as("requests a second of both runs").isBetween(0.9 * 40, 40.0);
		assertThat((double) (whole.refused + lastMinute.refused) / (whole.sent + lastMinute.sent)).isLessThan(0.02);
	}

	@Test
	void aHoldThatEndedBeforeThisRunBeganIsNoRefusal() {
		AccountSchedule account = new AccountSchedule();
		account.hold(this.clock.instant().minusSeconds(600));
		AdaptivePace pace = new AdaptivePace(this.clock, null);

		send(List.of(pace), account, new PerSecondLimit(100), Duration.ofSeconds(3));

		assertThat(pace.rate()).as("still doubling from its start").isGreaterThan(4 * AdaptivePace.SAFE_START);
	}

	@Test
	void aRefusalSharedThroughTheAccountCutsThePaceOnce() {
		AccountSchedule account = new AccountSchedule();
		AdaptivePace pace = new AdaptivePace(this.clock, null);
		this.clock.set(pace.reserve(account));

		account.hold(pace.refused(Duration.ZERO));
		double cut = pace.rate();
		this.clock.set(this.clock.instant().plusMillis(1));
		pace.reserve(account);

		assertThat(pace.rate()).isEqualTo(cut);
	}

	private Traffic send(List<AdaptivePace> runs, AccountSchedule account, PerSecondLimit api, Duration during) {
		Instant end = this.clock.instant().plus(during);
		Traffic traffic = new Traffic();
		for (int turn = 0; this.clock.instant().isBefore(end); turn++) {
			AdaptivePace pace = runs.get(turn % runs.size());
			this.clock.set(pace.reserve(account));
			traffic.sent++;
			if (api.admit(this.clock.instant())) {
				traffic.passed++;
				pace.passed();
			}
			else {
				traffic.refused++;
				pace.refused(Duration.ofSeconds(1));
				account.hold(this.clock.instant().plusSeconds(1));
			}
		}
		return traffic;
	}

	private Traffic send(AdaptivePace pace, PerSecondLimit api, Duration during) {
		Instant end = this.clock.instant().plus(during);
		Traffic traffic = new Traffic();
		while (this.clock.instant().isBefore(end)) {
			this.clock.set(pace.reserve());
			traffic.sent++;
			if (api.admit(this.clock.instant())) {
				traffic.passed++;
				pace.passed();
			}
			else {
				traffic.refused++;
				pace.refused(Duration.ofSeconds(1));
			}
		}
		return traffic;
	}

	private static final class Traffic {

		long sent;

		long passed;

		long refused;

	}

	/**
	 * The account's one schedule, as the job database keeps it for the runs sharing it.
	 */
	private static final class AccountSchedule implements AccountPace {

		private Instant nextSlot = Instant.MIN;

		private Instant heldUntil = Instant.MIN;

		@Override
		public Slot book(Instant wanted, Duration interval) {
			Instant at = latest(latest(wanted, this.nextSlot), this.heldUntil);
			this.nextSlot = at.plus(interval);
			return new Slot(at, this.heldUntil);
		}

		@Override
		public void hold(Instant until) {
			this.heldUntil = latest(this.heldUntil, until);
		}

		private static Instant latest(Instant a, Instant b) {
			return a.isAfter(b) ? a : b;
		}

	}

	/** The simulator's limit: a fixed window per wall-clock second. */
	private static final class PerSecondLimit {

		private final int limit;

		private long second = Long.MIN_VALUE;

		private int used;

		PerSecondLimit(int limit) {
			this.limit = limit;
		}

		boolean admit(Instant now) {
			if (now.getEpochSecond() != this.second) {
				this.second = now.getEpochSecond();
				this.used = 0;
			}
			if (this.used >= this.limit) {
				return false;
			}
			this.used++;
			return true;
		}

	}

	/** Simulated time, moved only by the test. */
	private static final class SteppedClock extends Clock {

		private Instant now = Instant.parse("2026-01-01T00:00:00.123Z");

		void set(Instant instant) {
			if (instant.isAfter(this.now)) {
				this.now = instant;
			}
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

}
