package io.fluxbatch.download;

/**
 * What fetching one image came to, as the row table is to record it.
 */
public record DownloadOutcome(long instanceId, int rowNo, String status, String outputUrl, String filePath,
		Integer width, Integer height, Long bytes, String sha256, String error) {
}
