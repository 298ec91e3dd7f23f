package io.fluxbatch;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/**
 * One invocation of the command line, in this JVM, with what it printed.
 */
record CommandRun(int exitCode, String out, String err) {

	/**
	 * What the command said on standard error before its last line, the one stating the
	 * outcome and exit code.
	 */
	String problem() {
		java.util.List<String> lines = new java.util.ArrayList<>(this.err.strip().lines().toList());
		if (!lines.isEmpty() && lines.get(lines.size() - 1).matches("flux-batch: .*, exit \\d+")) {
			lines.remove(lines.size() - 1);
		}
		return String.join("\n", lines);
	}

	static CommandRun of(Map<String, String> environment, String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int exitCode = FluxBatchApplication.execute(args, environment, new PrintWriter(out, true),
				new PrintWriter(err, true));
		return new CommandRun(exitCode, out.toString(), err.toString());
	}

}
