package io.fluxbatch.prompt;

/**
 * A rule's verdict that a row cannot be submitted, carrying the reason the user reads.
 */
final class RowRejection extends Exception {

	RowRejection(String reason) {
		// An expected outcome, not a failure: no stack trace to fill.
		super(reason, null, false, false);
	}

}
