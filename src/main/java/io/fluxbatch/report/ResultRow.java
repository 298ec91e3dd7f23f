package io.fluxbatch.report;

import java.util.List;

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
public record ResultRow(int row, long line, List<String> cells, String key, String status, String model,
		String resolution, String aspectRatio, String taskId, String outputUrl, String file, Integer width,
		Integer height, Long bytes, String sha256, Long credits, int attempts, String error, boolean duplicateRisk,
		String reusedFrom, int failedGenerations) {

	public boolean rejected() {
		return "REJECTED".equals(this.status);
	}

}
