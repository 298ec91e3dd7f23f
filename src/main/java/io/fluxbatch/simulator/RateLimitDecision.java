package io.fluxbatch.simulator;

/**
 * Whether one API request may proceed and, if not, why.
 *
 * @param outcome which limit, if any, refused the request
 * @param headers the quota state to report
 * @param message the error message for a refused request
 */
record RateLimitDecision(Outcome outcome, RateLimitHeaders headers, String message) {

	boolean allowed() {
		return this.outcome == Outcome.ALLOWED;
	}

	enum Outcome {

		ALLOWED, PER_SECOND_LIMIT, DAILY_QUOTA

	}

}
