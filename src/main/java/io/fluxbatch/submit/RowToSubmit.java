package io.fluxbatch.submit;

import io.fluxbatch.api.SubmitAttempts;
import io.fluxbatch.prompt.Model;
import io.fluxbatch.prompt.PriceTable;
import io.fluxbatch.prompt.Resolution;
import io.fluxbatch.rows.RowStatus;

/**
 * A row waiting for its POST: NEW, or SUBMITTING when a crash interrupted an earlier
 * POST.
 */
public record RowToSubmit(long instanceId, int rowNo, String status, String model, String prompt, String resolution,
		String aspectRatio, String inputUrls, int submitAttempts, int lostAnswers) {

	/** POSTs sent for this row in all runs, those of {@code attempts} included. */
	int attemptsAfter(SubmitAttempts attempts) {
		// A row left SUBMITTING by a run that died may have had its POST sent: it counts.
		return this.submitAttempts + (RowStatus.SUBMITTING.name().equals(this.status) ? 1 : 0) + attempts.sent();
	}

	/**
	 * How many tasks may exist for this row that no run has seen: one per lost answer,
	 * and one if a run died while the row was SUBMITTING.
	 */
	int lostAnswersAfter(SubmitAttempts attempts) {
		return this.lostAnswers + (RowStatus.SUBMITTING.name().equals(this.status) ? 1 : 0) + attempts.lostAnswers();
	}

	/** The price table's credits for this row's image. */
	public long price() {
		return PriceTable.credits(Model.fromApiName(this.model).orElseThrow(),
				Resolution.fromLabel(this.resolution).orElseThrow());
	}

}
