package io.fluxbatch;

import org.springframework.batch.core.BatchStatus;

/**
 * The exit codes cron and scripts see; documented in the README.
 */
public final class ExitCode {

	/** The job COMPLETED: every row reached a final state. */
	public static final int COMPLETED = 0;

	/** A usage or input error, found before anything was submitted. */
	public static final int USAGE = 2;

	/** The job FAILED; the same command continues it. */
	public static final int FAILED = 3;

	/**
	 * The job STOPPED (credits, quota, a stop request); the same command continues it.
	 */
	public static final int STOPPED = 4;

	private ExitCode() {
	}

	static int of(BatchStatus status) {
		return switch (status) {
			case COMPLETED -> COMPLETED;
			case STOPPED, STOPPING -> STOPPED;
			default -> FAILED;
		};
	}

}
