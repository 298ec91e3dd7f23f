package io.fluxbatch.library;

import java.nio.file.Path;

/**
 * An image that decoded, matched what the API reported, and now sits under its final
 * name.
 */
public record StoredImage(Path file, int width, int height, long bytes, String sha256) {
}
