package io.fluxbatch;

import java.io.PrintWriter;
import java.net.URI;
import java.util.Map;

import io.fluxbatch.progress.CommandNotice;
import io.fluxbatch.progress.Notifier;

/**
 * The end of every command: its last line states the outcome and the exit code (what a
 * cron mail is read for), and its summary is posted to the notify URL when one is set.
 * Commands fill it in as they learn; the command line closes it.
 */
final class CommandEnd {

	private String command;

	private URI notifyUrl;

	private Map<String, Long> rowsByStatus = Map.of();

	private long credits;

	private String output;

	/** The command that runs, and where to notify, once its settings are bound. */
	void command(String name) {
		this.command = name;
	}

	void notifyUrl(URI url) {
		this.notifyUrl = url;
	}

	/** What the run left: rows by status, credits spent by the command, its output. */
	void ran(Map<String, Long> rowsByStatus, long credits, String output) {
		this.rowsByStatus = rowsByStatus;
		this.credits = credits;
		this.output = output;
	}

	private boolean finished;

	/**
	 * Prints the last line and notifies, once; help and version print no such line.
	 */
	synchronized void finish(int exitCode, PrintWriter out, PrintWriter err) {
		if (this.command == null || this.finished) {
			return;
		}
		this.finished = true;
		String outcome = outcome(exitCode);
		(exitCode <= ValidateCommand.ROWS_REJECTED ? out : err)
			.println("flux-batch: " + this.command + " " + outcome + ", exit " + exitCode);
		if (this.notifyUrl != null) {
			Notifier.post(this.notifyUrl,
					CommandNotice.of(this.command, outcome, exitCode, this.rowsByStatus, this.credits, this.output));
		}
	}

	static String outcome(int exitCode) {
		return switch (exitCode) {
			case ExitCode.COMPLETED -> "completed";
			case ValidateCommand.ROWS_REJECTED -> "completed with rejected rows";
			case ExitCode.USAGE -> "ended with a usage error";
			case ExitCode.STOPPED -> "stopped";
			default -> "failed";
		};
	}

}
