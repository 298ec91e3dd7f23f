package io.fluxbatch.job;

import io.fluxbatch.api.SubmitAttempts;

/**
 * A row waiting for its POST: NEW, or SUBMITTING when a crash interrupted an earlier
 * POST.
 */
public record RowToSubmit(long instanceId, int rowNo, String status, String model, String prompt, String resolution,
		String aspectRatio, String inputUrls, int submitAttempts, boolean duplicateRisk) {

	/** POSTs sent for this row in all runs, those of {@code attempts} included. */
	int attemptsAfter(SubmitAttempts attempts) {
		return this.submitAttempts + attempts.sent();
	}

	/**
	 * Whether a task may exist for this row that no run has seen: an answer was lost, or
	 * a run died while the row was SUBMITTING.
	 */
	boolean duplicateRiskAfter(SubmitAttempts attempts) {
		return this.duplicateRisk || RowStatus.SUBMITTING.name().equals(this.status) || attempts.possibleDuplicate();
	}

}
