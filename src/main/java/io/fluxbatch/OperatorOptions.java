package io.fluxbatch;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import picocli.CommandLine.Option;

/**
 * The options of every command that say what the person running it sees and is told:
 * fewer lines, a log file for cron, a summary posted after the command.
 */
class OperatorOptions {

	@Option(names = "--quiet", description = "print only the final summary")
	boolean quiet;

	@Option(names = "--log-file", paramLabel = "FILE",
			description = "also append every log line to FILE (as logging.file.name does)")
	Path logFile;

	@Option(names = "--notify-url", paramLabel = "URL",
			description = "after the command, POST a JSON summary there (a Slack-compatible incoming webhook shows "
					+ "its text); a failure to notify is logged, never fails the command")
	String notifyUrl;

	/** The options given, as the Spring properties they set. */
	Map<String, String> properties() {
		Map<String, String> properties = new LinkedHashMap<>();
		if (this.quiet) {
			properties.put("flux.job.quiet", "true");
			properties.put("logging.level.io.fluxbatch", "WARN");
			// The summary is what a quiet command prints.
			properties.put("logging.level.io.fluxbatch.job.RunReportListener", "INFO");
		}
		if (this.logFile != null) {
			properties.put("logging.file.name", this.logFile.toAbsolutePath().normalize().toString());
		}
		if (this.notifyUrl != null) {
			properties.put("flux.job.notify-url", this.notifyUrl);
		}
		return properties;
	}

}
