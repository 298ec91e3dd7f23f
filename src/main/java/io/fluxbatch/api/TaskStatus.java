package io.fluxbatch.api;

import java.util.Locale;

/**
 * Where a generation task stands; the vendor's pages use several words for the same
 * states.
 */
public enum TaskStatus {

	PENDING, PROCESSING, COMPLETED, FAILED;

	static TaskStatus fromWire(String word) {
		String normalised = (word != null) ? word.trim().toLowerCase(Locale.ROOT) : "";
		return switch (normalised) {
			case "pending", "queued", "submitted", "created" -> PENDING;
			case "processing", "running", "in_progress" -> PROCESSING;
			case "completed", "success", "succeeded", "done" -> COMPLETED;
			case "failed", "error", "cancelled", "canceled" -> FAILED;
			// A word this client does not know (or none) cannot mean the task is over: it
			// may be paid, so it is polled again until it says so or the poll times out.
			default -> PROCESSING;
		};
	}

	public boolean isFinal() {
		return this == COMPLETED || this == FAILED;
	}

}
