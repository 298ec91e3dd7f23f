package io.fluxbatch.download;

import java.nio.file.Path;

/**
 * A finished task whose image is not yet stored and verified.
 *
 * @param fingerprint the fingerprint of the row's prompt, under which the library keeps
 * the image ({@code null} for a row loaded before fingerprints existed)
 */
public record GeneratedImage(long instanceId, int rowNo, String taskId, Path outputDir, String fileName,
		String outputUrl, Integer width, Integer height, String fingerprint) {
}
