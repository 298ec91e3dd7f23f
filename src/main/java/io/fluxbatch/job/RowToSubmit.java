package io.fluxbatch.job;

/**
 * A row waiting for its POST: NEW, or SUBMITTING when a crash interrupted an earlier
 * POST.
 */
public record RowToSubmit(long instanceId, int rowNo, String status, String model, String prompt, String resolution,
		String aspectRatio, String inputUrls, int submitAttempts, boolean duplicateRisk) {

	boolean interrupted() {
		return RowStatus.SUBMITTING.name().equals(this.status);
	}

}
