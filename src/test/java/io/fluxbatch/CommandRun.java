package io.fluxbatch;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/**
 * One invocation of the command line, in this JVM, with what it printed.
 */
record CommandRun(int exitCode, String out, String err) {

	static CommandRun of(Map<String, String> environment, String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int exitCode = FluxBatchApplication.execute(args, environment, new PrintWriter(out, true),
				new PrintWriter(err, true));
		return new CommandRun(exitCode, out.toString(), err.toString());
	}

}
