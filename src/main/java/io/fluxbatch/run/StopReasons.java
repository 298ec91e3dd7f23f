package io.fluxbatch.run;

import io.fluxbatch.api.ApiException;
import io.fluxbatch.api.InsufficientCreditsException;
import io.fluxbatch.api.QuotaExhaustedException;

/**
 * The sentence a person reads when the account, not the job, is what ran out.
 */
final class StopReasons {

	private StopReasons() {
	}

	static String of(ApiException exhausted) {
		if (exhausted instanceof InsufficientCreditsException) {
			return "the account is out of credits (" + exhausted.getMessage()
					+ "): top up, then run the same command again to continue";
		}
		if (exhausted instanceof QuotaExhaustedException quota) {
			return "the account's daily request quota is used up"
					+ ((quota.resetsAt() != null) ? " until " + quota.resetsAt() : "")
					+ ": run the same command again after the reset to continue";
		}
		return exhausted.describe();
	}

}
