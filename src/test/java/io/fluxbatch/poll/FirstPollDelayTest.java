package io.fluxbatch.poll;

import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FirstPollDelayTest {

	private final FirstPollDelay fiveSeconds = new FirstPollDelay(Duration.ofSeconds(5));

	@Test
	void aTaskStillRunningPushesTheDelayPastTheTimeItWasPolledAt() {
		assertThat(this.fiveSeconds.after(Duration.ofSeconds(5), false).value()).isEqualTo(Duration.ofMillis(5980));
		assertThat(this.fiveSeconds.after(Duration.ofSeconds(20), false).value()).isGreaterThan(Duration.ofSeconds(20));
	}

	@Test
	void onceATaskWasFoundRunningATaskFoundDoneOnTimePullsTheDelayDownALittle() {
		FirstPollDelay settled = new FirstPollDelay(Duration.ofSeconds(5), true);
		assertThat(settled.after(Duration.ofMillis(5100), true).value()).isEqualTo(Duration.ofMillis(4980));
	}

	@Test
	void untilATaskIsFoundRunningTheConfiguredDelayFallsFast() {
		// Tasks that take 1 s against the configured 5 s: a dozen tasks bring the delay
		// near them, and the first one found running ends the descent.
		FirstPollDelay delay = this.fiveSeconds;
		int tasks = 0;
		while (delay.value().toMillis() >= 1_000) {
			delay = delay.after(delay.value(), true);
			tasks++;
		}
		assertThat(tasks).isLessThanOrEqualTo(12);
		FirstPollDelay found = delay.after(delay.value(), false);
		assertThat(found.settled()).isTrue();
		assertThat(found.after(found.value(), true).value().toMillis())
			.isGreaterThan(Math.round(found.value().toMillis() * 0.99));
	}

	@Test
	void fromTheConfiguredStartItSettlesNearTheNinetyEighthPercentileOfFastTasks() {
		// Generation times uniform between 1 s and 2 s, polled at the delay: the 98th
		// percentile is 1.98 s.
		Random random = new Random(2);
		FirstPollDelay delay = this.fiveSeconds;
		long late = 0;
		for (int task = 0; task < 400; task++) {
			long latency = 1_000 + random.nextInt(1_000);
			boolean done = latency <= delay.value().toMillis();
			late += Math.max(0, delay.value().toMillis() - latency);
			delay = delay.after(delay.value(), done);
		}
		assertThat(delay.value()).isBetween(Duration.ofMillis(1_700), Duration.ofMillis(2_600));
		// Polled on average well under a second after each task was done.
		assertThat(late / 400).isLessThan(1_000);
	}

	@Test
	void aTaskFoundDoneLongAfterItWasDueSaysNothing() {
		assertThat(this.fiveSeconds.after(Duration.ofSeconds(30), true)).isEqualTo(this.fiveSeconds);
	}

	@Test
	void aZeroDelayStillGrowsWhenTasksAreFoundRunning() {
		FirstPollDelay none = new FirstPollDelay(Duration.ZERO);
		assertThat(none.after(Duration.ZERO, false).value()).isEqualTo(Duration.ofMillis(1));
		assertThat(none.after(Duration.ZERO, true).value()).isZero();
	}

	@Test
	void polledAtItsOwnDelayItSettlesNearTheNinetyEighthPercentile() {
		// Generation times uniform between 2 s and 6 s: the 98th percentile is 5.92 s. A
		// task found running lifts the delay by a fifth, often past the slowest task, and
		// found-done tasks then take it down slowly: it stays a little above the
		// percentile.
		Random random = new Random(1);
		FirstPollDelay delay = new FirstPollDelay(Duration.ofSeconds(1));
		int stillRunning = 0;
		for (int task = 0; task < 20_000; task++) {
			long latency = 2_000 + random.nextInt(4_000);
			boolean done = latency <= delay.value().toMillis();
			if (task >= 10_000 && !done) {
				stillRunning++;
			}
			delay = delay.after(delay.value(), done);
		}
		assertThat(delay.value()).isBetween(Duration.ofMillis(5_600), Duration.ofMillis(7_200));
		assertThat(stillRunning / 10_000.0).isBetween(0.005, 0.05);
	}

}
