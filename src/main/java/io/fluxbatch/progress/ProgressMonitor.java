package io.fluxbatch.progress;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows a command's progress while it runs: on a terminal one live line with a bar,
 * refreshed every second; anywhere else (cron, a pipe, CI) a dated log line every
 * {@code flux.job.progress-interval} and at every stage change. Either way it keeps
 * progress.json current beside the job database, for {@code status}.
 */
public final class ProgressMonitor implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(ProgressMonitor.class);

	private static final Duration REFRESH = Duration.ofSeconds(1);

	private final ProgressProbe probe;

	private final Path databaseFolder;

	private final String input;

	private final String output;

	private final Duration interval;

	private final Mode mode;

	private final ScheduledExecutorService ticks;

	private ProgressBar bar;

	private String lastStage;

	private Instant nextLineAt = Instant.MIN;

	private ProgressSnapshot last;

	/** How the progress is shown. */
	public enum Mode {

		/** A live bar on the terminal. */
		TERMINAL,
		/** A dated log line now and then. */
		LINES,
		/** Nothing but progress.json (--quiet). */
		QUIET;

		/** A terminal when there is one, lines otherwise. */
		public static Mode detect(boolean quiet) {
			if (quiet) {
				return QUIET;
			}
			return (System.console() != null) ? TERMINAL : LINES;
		}

	}

	private ProgressMonitor(ProgressProbe probe, Path databaseFolder, String input, String output, Duration interval,
			Mode mode) {
		this.probe = probe;
		this.databaseFolder = databaseFolder;
		this.input = input;
		this.output = output;
		this.interval = interval;
		this.mode = mode;
		this.ticks = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "progress");
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * Starts showing progress until {@link #close()}.
	 * @param databaseFolder where progress.json goes, or {@code null} for a shared
	 * database (PostgreSQL), whose living runs {@code status} reads from the database
	 * itself
	 */
	public static ProgressMonitor start(ProgressProbe probe, Path databaseFolder, String input, String output,
			Duration interval, Mode mode) {
		ProgressMonitor monitor = new ProgressMonitor(probe, databaseFolder, input, output, interval, mode);
		long period = Math.min(REFRESH.toMillis(), interval.toMillis());
		monitor.ticks.scheduleWithFixedDelay(monitor::tick, period, period, TimeUnit.MILLISECONDS);
		return monitor;
	}

	/** The figures of the last tick, if there was one. */
	public synchronized Optional<ProgressSnapshot> last() {
		return Optional.ofNullable(this.last);
	}

	private synchronized void tick() {
		try {
			show(take(true), false);
		}
		catch (RuntimeException unreadable) {
			// The database may still be starting or already closing: next tick.
			log.debug("progress not read", unreadable);
		}
	}

	private ProgressSnapshot take(boolean alive) {
		ProgressSnapshot snapshot = this.probe.snapshot();
		this.last = snapshot;
		if (this.databaseFolder != null) {
			ProgressFile.write(this.databaseFolder, new ProgressFile.Content(ProcessHandle.current().pid(), alive,
					this.input, this.output, this.probe.commandStart(), snapshot));
		}
		return snapshot;
	}

	private void show(ProgressSnapshot snapshot, boolean finished) {
		switch (this.mode) {
			case TERMINAL -> {
				if (this.bar == null) {
					this.bar = new ProgressBarBuilder().setTaskName("rows")
						.setInitialMax(Math.max(snapshot.rows(), 1))
						.setStyle(ProgressBarStyle.ASCII)
						.setUpdateIntervalMillis((int) REFRESH.toMillis())
						// Redrawn every second even when no row finished: the figures
						// move.
						.continuousUpdate()
						.setConsumer(new ConsoleProgressBarConsumer(System.err))
						.hideEta()
						.build();
				}
				this.bar.maxHint(Math.max(snapshot.rows(), 1));
				this.bar.stepTo(snapshot.done());
				this.bar.setExtraMessage(snapshot.stage() + " | new " + snapshot.generated() + " reused "
						+ snapshot.reused() + " failed " + snapshot.failed() + " | "
						+ String.format(java.util.Locale.ROOT, "%.1f", snapshot.imagesPerMinute()) + "/min | "
						+ snapshot.credits() + " credits | " + snapshot.requests() + " req (429: "
						+ snapshot.rateLimited() + ") | ETA " + snapshot.etaText());
			}
			case LINES -> {
				Instant now = snapshot.at();
				if (finished || !snapshot.stage().equals(this.lastStage) || !now.isBefore(this.nextLineAt)) {
					log.info("progress: {}{}", finished ? "" : snapshot.stage() + ": ", snapshot.line());
					this.lastStage = snapshot.stage();
					this.nextLineAt = now.plus(this.interval);
				}
			}
			case QUIET -> {
			}
		}
	}

	/**
	 * Stops the ticks and takes the command's final figures (they also go to
	 * progress.json, marked as no longer running).
	 * @return the final figures, or empty when the database could not be read
	 */
	public synchronized Optional<ProgressSnapshot> finish() {
		this.ticks.shutdownNow();
		try {
			ProgressSnapshot snapshot = take(false);
			if (this.mode == Mode.LINES) {
				log.info("progress: done: {}", snapshot.finalLine());
			}
			return Optional.of(snapshot);
		}
		catch (RuntimeException unreadable) {
			log.debug("final progress not read", unreadable);
			return Optional.ofNullable(this.last);
		}
		finally {
			if (this.bar != null) {
				this.bar.close();
				this.bar = null;
			}
		}
	}

	@Override
	public void close() {
		if (!this.ticks.isShutdown()) {
			finish();
		}
	}

}
