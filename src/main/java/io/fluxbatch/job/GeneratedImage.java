package io.fluxbatch.job;

import java.nio.file.Path;

/**
 * A finished task whose image is not yet stored and verified.
 */
public record GeneratedImage(long instanceId, int rowNo, String taskId, Path outputDir, String fileName,
		String outputUrl, Integer width, Integer height) {
}
