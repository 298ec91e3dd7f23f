package io.fluxbatch;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns SIGTERM and Ctrl-C into a graceful stop: the run is told to start nothing new,
 * the JVM waits until the run has ended and its database is closed, then exits with the
 * run's code (4, STOPPED) instead of dying mid-write.
 */
final class StopSignal implements AutoCloseable {

	/** How long a stopping run may take to let its requests in flight finish. */
	private static final long GRACE_SECONDS = 120;

	private final CountDownLatch finished = new CountDownLatch(1);

	private final Thread hook;

	private volatile Runnable onSignal = () -> {
	};

	private volatile int exitCode = ExitCode.STOPPED;

	private volatile java.util.function.IntConsumer onExit = (code) -> {
	};

	StopSignal() {
		this.hook = new Thread(this::stopGracefully, "flux-batch-stop");
		Runtime.getRuntime().addShutdownHook(this.hook);
	}

	/** What to do when the signal comes: tell the run to stop. */
	void onSignal(Runnable action) {
		this.onSignal = action;
	}

	void exitCode(int code) {
		this.exitCode = code;
	}

	/**
	 * What to do last, with the exit code, before a signalled process halts (the command
	 * line's last line would otherwise race the halt).
	 */
	void onExit(java.util.function.IntConsumer action) {
		this.onExit = action;
	}

	private void stopGracefully() {
		this.onSignal.run();
		try {
			this.finished.await(GRACE_SECONDS, TimeUnit.SECONDS);
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
		}
		this.onExit.accept(this.exitCode);
		// The JVM is already shutting down, so an exit code can only be set this way.
		Runtime.getRuntime().halt(this.exitCode);
	}

	/** The run has ended and everything is closed. */
	@Override
	public void close() {
		this.finished.countDown();
		try {
			Runtime.getRuntime().removeShutdownHook(this.hook);
		}
		catch (IllegalStateException shuttingDown) {
			// The hook is running: it exits with the code now that the run is finished.
		}
	}

}
