package io.fluxbatch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The command line in a JVM of its own, as cron starts it: so that it can be killed like
 * a real process, or hold the job database while another command tries to use it.
 */
final class JobProcess {

	private JobProcess() {
	}

	/** Starts {@code args}, writing its output to {@code log}.out and .err. */
	static Process start(Path log, String... args) throws IOException {
		return startIn(Path.of(""), log, args);
	}

	/** Starts {@code args} in {@code workingDirectory}, as cron does after its cd. */
	static Process startIn(Path workingDirectory, Path log, String... args) throws IOException {
		return startIn(workingDirectory, Map.of(), log, args);
	}

	/** Starts {@code args} with {@code environment} added to the API key's. */
	static Process startIn(Path workingDirectory, Map<String, String> environment, Path log, String... args)
			throws IOException {
		return startMain(FluxBatchApplication.class, workingDirectory, environment, log, args);
	}

	/**
	 * Starts the command line through {@code main}, a class that prepares its JVM first.
	 */
	static Process startMain(Class<?> main, Path workingDirectory, Map<String, String> environment, Path log,
			String... args) throws IOException {
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = new ArrayList<>(List.of(java,
				// A quick-starting JVM: short runs are mostly start-up.
				"-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), main.getName()));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(Path.of(log + ".out").toFile())
			.redirectError(Path.of(log + ".err").toFile())
			.directory(workingDirectory.toAbsolutePath().toFile());
		builder.environment().put("VICSEE_API_KEY", "sk-process-test");
		builder.environment().putAll(environment);
		return builder.start();
	}

}
