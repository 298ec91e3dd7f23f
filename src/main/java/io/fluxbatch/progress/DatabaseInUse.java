package io.fluxbatch.progress;

import java.sql.SQLException;

import org.h2.api.ErrorCode;

/**
 * Whether H2 refused to open the job database because another process holds its file:
 * told by H2's error code, which stays the same whatever the language or wording of its
 * message.
 */
public final class DatabaseInUse {

	private DatabaseInUse() {
	}

	/** Whether {@code failure}, or one of its causes, is H2's "database already open". */
	public static boolean causedBy(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

}
