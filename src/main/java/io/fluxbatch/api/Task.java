package io.fluxbatch.api;

/**
 * A generation task as the API last described it, whichever response shape it used.
 * Numbers the API did not report are {@code null}.
 */
public record Task(String id, TaskStatus status, Long creditsUsed, Long creditsRemaining, String outputUrl,
		Integer width, Integer height, String errorCode, String errorMessage) {

	/** The failure as one line, for a results file. */
	public String failure() {
		return (this.errorCode != null ? this.errorCode : "GENERATION_FAILED")
				+ (this.errorMessage != null ? ": " + this.errorMessage : "");
	}

}
