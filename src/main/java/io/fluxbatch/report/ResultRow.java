package io.fluxbatch.report;

import java.util.List;

/**
 * One input row as the run left it: its original cells and everything the run learned
 * about it.
 */
public record ResultRow(int row, long line, List<String> cells, String key, String status, String model,
		String resolution, String aspectRatio, String taskId, String outputUrl, String file, Integer width,
		Integer height, Long bytes, String sha256, Long credits, int attempts, String error, boolean duplicateRisk) {

	public boolean rejected() {
		return "REJECTED".equals(this.status);
	}

}
