package io.fluxbatch;

/**
 * A command that cannot be carried out as given; its message is the one line the user
 * reads (exit code 2).
 */
class UsageException extends RuntimeException {

	UsageException(String message) {
		super(message);
	}

}
