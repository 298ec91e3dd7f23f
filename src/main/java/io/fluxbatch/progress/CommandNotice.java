package io.fluxbatch.progress;

import java.util.Map;

/**
 * What is posted to {@code flux.job.notify-url} after a command: the figures a script
 * reads, and a {@code text} a Slack-compatible incoming webhook shows as it is.
 *
 * @param command run, validate, estimate or status
 * @param outcome completed, stopped, failed, usage error...
 * @param exitCode the command's exit code
 * @param rowsByStatus rows per results.csv status (empty when the command has no run)
 * @param credits credits this command spent
 * @param output the output folder, or {@code null}
 * @param text one readable line
 */
public record CommandNotice(String command, String outcome, int exitCode, Map<String, Long> rowsByStatus, long credits,
		String output, String text) {

	public static CommandNotice of(String command, String outcome, int exitCode, Map<String, Long> rowsByStatus,
			long credits, String output) {
		StringBuilder text = new StringBuilder("flux-batch ").append(command)
			.append(": ")
			.append(outcome)
			.append(" (exit ")
			.append(exitCode)
			.append(")");
		if (!rowsByStatus.isEmpty()) {
			text.append("; rows ");
			rowsByStatus.forEach((status, count) -> text.append(status).append(' ').append(count).append(", "));
			text.setLength(text.length() - 2);
			text.append("; credits ").append(credits);
		}
		if (output != null) {
			text.append("; output ").append(output);
		}
		return new CommandNotice(command, outcome, exitCode, rowsByStatus, credits, output, text.toString());
	}

}
