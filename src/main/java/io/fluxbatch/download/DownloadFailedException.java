package io.fluxbatch.download;

/**
 * An image could not be fetched, or what arrived is not the image the API described.
 * Nothing is left under the final name when this is thrown.
 */
public class DownloadFailedException extends RuntimeException {

	DownloadFailedException(String message) {
		super(message);
	}

	DownloadFailedException(String message, Throwable cause) {
		super(message, cause);
	}

}
