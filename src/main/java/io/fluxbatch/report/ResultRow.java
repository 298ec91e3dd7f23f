package io.fluxbatch.report;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One input row as the run left it: its original cells and everything the run learned
 * about it.
 *
 * @param credits what the row's image cost: the API's figure, else the price table's; 0
 * for an image taken from the library or a row that failed
 * @param reusedFrom the library file the image was taken from instead of being generated,
 * or {@code null}
 * @param failedGenerations generations of this row that failed (not charged)
 */
public record ResultRow(int row, long line, List<String> cells, String key, String status, @Nullable String model,
		@Nullable String resolution, @Nullable String aspectRatio, @Nullable String taskId, @Nullable String outputUrl,
		@Nullable String file, @Nullable Integer width, @Nullable Integer height, @Nullable Long bytes,
		@Nullable String sha256, @Nullable Long credits, int attempts, @Nullable String error, boolean duplicateRisk,
		@Nullable String reusedFrom, int failedGenerations) {

	public boolean rejected() {
		return "REJECTED".equals(this.status);
	}

}
