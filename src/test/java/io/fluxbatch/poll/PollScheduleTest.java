package io.fluxbatch.poll;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import io.fluxbatch.run.FluxJobProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PollScheduleTest {

	private static final String PRO = "flux-2/pro-text-to-image";

	private static final Instant SUBMITTED = Instant.parse("2026-01-01T00:00:00Z");

	private final GenerationTimes times = new GenerationTimes(Clock.fixed(SUBMITTED, ZoneOffset.UTC));

	private final PollSchedule schedule = new PollSchedule(this.times,
			new FluxJobProperties.Poll(8, Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofMinutes(30)));

	@Test
	void untilATaskOfTheModelWasPolledTheFirstPollWaitsTheConfiguredDelay() {
		assertThat(this.schedule.firstPoll(PRO, SUBMITTED)).isEqualTo(SUBMITTED.plusSeconds(5));
	}

	@Test
	void aFirstPollThatFoundTheTaskRunningPutsOffTheFirstPollsOfTheModelsOtherTasks() {
		PendingTask stored = task(0, SUBMITTED.plusSeconds(5));
		this.times.firstPoll(PRO, SUBMITTED, Duration.ofSeconds(5), SUBMITTED.plusSeconds(5), false);

		assertThat(this.schedule.due(stored)).isEqualTo(SUBMITTED.plusMillis(5980));
		assertThat(this.schedule.firstPoll("flux-2/flex-text-to-image", SUBMITTED)).isEqualTo(SUBMITTED.plusSeconds(5));
	}

	@Test
	void aLaterPollKeepsTheTimeItWasGiven() {
		this.times.firstPoll(PRO, SUBMITTED, Duration.ofSeconds(5), SUBMITTED.plusSeconds(5), false);

		assertThat(this.schedule.due(task(1, SUBMITTED.plusSeconds(7)))).isEqualTo(SUBMITTED.plusSeconds(7));
	}

	@Test
	void pollsAfterTheFirstBackOffByHalfAgainUpToTheCap() {
		Instant now = SUBMITTED.plusSeconds(5);
		assertThat(this.schedule.nextPoll(PRO, 1, now)).isEqualTo(now.plusMillis(1250));
		assertThat(this.schedule.nextPoll(PRO, 2, now)).isEqualTo(now.plusMillis(1875));
		assertThat(this.schedule.nextPoll(PRO, 20, now)).isEqualTo(now.plusSeconds(10));
	}

	private static PendingTask task(int polls, Instant nextPollAt) {
		return new PendingTask(1, 1, "task_1", PRO, SUBMITTED, nextPollAt, polls, 0);
	}

}
