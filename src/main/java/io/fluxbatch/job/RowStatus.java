package io.fluxbatch.job;

/**
 * The states a row goes through in the row table. {@link #SUBMITTING} is committed before
 * the POST, so a row left in it by a crash shows that a task may exist that the run never
 * heard of.
 */
public enum RowStatus {

	NEW, REJECTED, SUBMITTING, SUBMITTED, GENERATED, DOWNLOADED, FAILED;

	/** The word results.csv shows for a row in this state. */
	public String resultStatus() {
		return switch (this) {
			case DOWNLOADED -> "COMPLETED";
			case REJECTED -> "REJECTED";
			case FAILED -> "FAILED";
			default -> "PENDING";
		};
	}

}
