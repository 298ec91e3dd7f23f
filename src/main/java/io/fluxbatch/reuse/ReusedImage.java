package io.fluxbatch.reuse;

/**
 * A row's image taken from the library instead of generated, as the row table is to
 * record it: stored, verified, and charged nothing.
 *
 * @param filePath the image under {@code images/}, relative to the output folder
 * @param reusedFrom the library file it was taken from
 */
public record ReusedImage(long instanceId, int rowNo, String filePath, int width, int height, long bytes, String sha256,
		String reusedFrom) {
}
