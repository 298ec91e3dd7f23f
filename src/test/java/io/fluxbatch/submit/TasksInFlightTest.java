package io.fluxbatch.submit;

import io.fluxbatch.run.RunStop;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TasksInFlightTest {

	private final TasksInFlight tasks = new TasksInFlight();

	private final RunStop stop = new RunStop();

	@Test
	void theCapLearnedIsTheFewestTasksUnfinishedAtARefusal() throws InterruptedException {
		created(5);
		this.tasks.limitMet();
		created(0);
		this.tasks.finished();
		this.tasks.finished();
		// Three unfinished now: a refusal here says the cap is at most three.
		this.tasks.limitMet();
		created(0);
		this.tasks.finished();

		// Two unfinished, cap three: one more is admitted at once, then the next waits.
		assertThat(this.tasks.wouldWait()).isFalse();
		created(1);
		assertThat(this.tasks.wouldWait()).as("at the cap").isTrue();
	}

	@Test
	void aRefusalWithMoreTasksUnfinishedDoesNotRaiseTheCap() throws InterruptedException {
		created(2);
		this.tasks.limitMet();
		this.tasks.following();
		this.tasks.following();
		this.tasks.limitMet();
		this.tasks.finished();
		this.tasks.finished();
		this.tasks.finished();

		assertThat(this.tasks.wouldWait()).as("one unfinished, cap two").isFalse();
		this.tasks.following();
		assertThat(this.tasks.wouldWait()).isTrue();
	}

	@Test
	void withoutARefusalNothingWaits() throws InterruptedException {
		created(1000);

		assertThat(this.tasks.wouldWait()).isFalse();
	}

	private void created(int count) throws InterruptedException {
		for (int i = 0; i < count; i++) {
			this.tasks.admit(this.stop);
			this.tasks.sent(true);
		}
	}

}
