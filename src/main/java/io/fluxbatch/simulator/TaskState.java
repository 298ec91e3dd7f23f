package io.fluxbatch.simulator;

/**
 * Where a simulated task is in its life cycle, with the status string the API reports, so
 * tests can judge a job by the simulator's own record of its tasks.
 */
public enum TaskState {

	PENDING("pending"), PROCESSING("processing"), COMPLETED("completed"), FAILED("failed");

	private final String wireName;

	TaskState(String wireName) {
		this.wireName = wireName;
	}

	String wireName() {
		return this.wireName;
	}

}
