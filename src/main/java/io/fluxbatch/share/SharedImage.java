package io.fluxbatch.share;

import io.fluxbatch.rows.RowStatus;

/**
 * A row waiting for the image of an earlier row with the same fingerprint, and where that
 * row stands.
 *
 * @param rowNo the waiting row
 * @param fileName its file name, without extension
 * @param sourceRow the earlier row
 * @param sourceStatus the earlier row's state
 * @param sourceFile the earlier row's image, relative to the output folder, once stored
 * @param error the earlier row's error or reject reason, if any
 */
record SharedImage(int rowNo, String fileName, int sourceRow, RowStatus sourceStatus, String sourceFile,
		String fingerprint, Integer width, Integer height, Long bytes, String sha256, String error) {

}
