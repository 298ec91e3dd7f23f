package io.fluxbatch.library;

import java.nio.file.Path;

/**
 * An image in the library that was checked against what was recorded when it was stored:
 * it exists, has the recorded size in bytes and the recorded SHA-256.
 *
 * @param file the library's file
 * @param fingerprint the fingerprint of the prompt it was generated for
 * @param width its width in pixels, as verified when it was downloaded
 * @param height its height in pixels, as verified when it was downloaded
 * @param bytes its size
 * @param sha256 its SHA-256
 */
public record LibraryImage(Path file, String fingerprint, int width, int height, long bytes, String sha256) {
}
