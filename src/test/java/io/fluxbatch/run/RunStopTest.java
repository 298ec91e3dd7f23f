package io.fluxbatch.run;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RunStop}: each kind of stop lets the run do what is still safe to do, the first
 * reason is the one reported, and a new run starts with none.
 */
class RunStopTest {

	private final RunStop stop = new RunStop();

	@Test
	void theEndOfTheBudgetStopsNewRowsButLetsThoseWithinItBeSent() {
		this.stop.stopForBudget("the budget is spent");

		assertThat(this.stop.stopped()).isTrue();
		assertThat(this.stop.submissionsStopped()).isFalse();
		assertThat(this.stop.requestsStopped()).isFalse();
		assertThat(this.stop.reason()).isEqualTo("the budget is spent");
	}

	@Test
	void aRequestedStopStopsEverythingAndTheFirstReasonStays() {
		this.stop.stopForBudget("the budget is spent");
		this.stop.requestStop();

		assertThat(this.stop.submissionsStopped()).isTrue();
		assertThat(this.stop.requestsStopped()).isTrue();
		assertThat(this.stop.everythingStopped()).isTrue();
		assertThat(this.stop.reason()).isEqualTo("the budget is spent");
	}

	@Test
	void aRunAskedToCollectOnlySubmitsNothingButStillPollsAndANewRunStartsClear() {
		this.stop.requestStop();
		this.stop.collectOnly("the input changed since the run started");
		this.stop.beforeJob(null);

		assertThat(this.stop.submissionsStopped()).isTrue();
		assertThat(this.stop.requestsStopped()).isFalse();
		assertThat(this.stop.reason()).isEqualTo("the input changed since the run started");

		this.stop.beforeJob(null);
		assertThat(this.stop.stopped()).isFalse();
		assertThat(this.stop.reason()).isNull();
	}

	@Test
	// Fails rather than hangs the build if the stop did not end the pause.
	@Timeout(60)
	void aPauseEndsAtOnceWhenRequestsAreStopped() throws InterruptedException {
		this.stop.requestStop();

		this.stop.pause(Duration.ofDays(1));

		assertThat(this.stop.requestsStopped()).isTrue();
	}

}
