package io.fluxbatch.download;

/**
 * An image could not be fetched, or what arrived is not the image the API described.
 * Nothing is left under the final name when this is thrown.
 */
public class DownloadFailedException extends RuntimeException {

	private final boolean worthRetrying;

	DownloadFailedException(String message) {
		this(message, true, null);
	}

	DownloadFailedException(String message, Throwable cause) {
		this(message, true, cause);
	}

	private DownloadFailedException(String message, boolean worthRetrying, Throwable cause) {
		super(message, cause);
		this.worthRetrying = worthRetrying;
	}

	/** The URL refused for good (expired, gone): fetching it again cannot help. */
	static DownloadFailedException refused(String message) {
		return new DownloadFailedException(message, false, null);
	}

	/** Whether fetching the same URL again may succeed. */
	public boolean worthRetrying() {
		return this.worthRetrying;
	}

}
