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
			default -> throw new ApiProtocolException("unknown task status '" + word + "'");
		};
	}

	public boolean isFinal() {
		return this == COMPLETED || this == FAILED;
	}

}
