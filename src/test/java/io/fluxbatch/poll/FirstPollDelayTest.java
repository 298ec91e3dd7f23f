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
	void aTaskFoundDoneOnTimePullsTheDelayDownALittle() {
		assertThat(this.fiveSeconds.after(Duration.ofMillis(5100), true).value()).isEqualTo(Duration.ofMillis(4980));
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
