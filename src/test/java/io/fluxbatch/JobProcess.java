package io.fluxbatch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line in a JVM of its own, as cron starts it: so that it can be killed like
 * a real process, or hold the job database while another command tries to use it.
 */
final class JobProcess {

	private JobProcess() {
	}

	/** Starts {@code args}, writing its output to {@code log}.out and .err. */
	static Process start(Path log, String... args) throws IOException {
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = new ArrayList<>(List.of(java,
				// A quick-starting JVM: short runs are mostly start-up.
				"-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
				FluxBatchApplication.class.getName()));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(Path.of(log + ".out").toFile())
			.redirectError(Path.of(log + ".err").toFile());
		builder.environment().put("VICSEE_API_KEY", "sk-process-test");
		return builder.start();
	}

}
