package io.fluxbatch;

import java.io.PrintWriter;
import java.io.PrintWriter;
import java.util.Map;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * flux-batch: turns a spreadsheet of prompts into FLUX.2 images. The command line is
 * parsed before Spring starts, so a usage error costs nothing and prints one line.
 */
@SpringBootApplication
@Command(name = "flux-batch", mixinStandardHelpOptions = true,
		description = "Turns a CSV of prompts into FLUX.2 images, restartably.")
public class FluxBatchApplication {

	public static void main(String[] args) {
		System
			.exit(execute(args, System.getenv(), new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
	}

	/**
	 * Runs one command and returns its exit code; {@code environment} stands for the
	 * process environment (where the API key comes from).
	 */
	public static int execute(String[] args, Map<String, String> environment, PrintWriter out, PrintWriter err) {
		CommandLine commandLine = new CommandLine(new FluxBatchApplication());
		commandLine.addSubcommand(new RunCommand(environment));
		commandLine.addSubcommand(new ValidateCommand());
		commandLine.addSubcommand(new EstimateCommand(environment));
		commandLine.setOut(out);
		commandLine.setErr(err);
		commandLine.setParameterExceptionHandler((problem, arguments) -> {
			problem.getCommandLine()
				.getErr()
				.println("flux-batch: " + problem.getMessage() + " (see " + problem.getCommandLine().getCommandName()
						+ " --help)");
			return ExitCode.USAGE;
		});
		commandLine.setExecutionExceptionHandler((failure, line, parsed) -> {
			line.getErr().println("flux-batch: " + failure.getMessage());
			return ExitCode.FAILED;
		});
		if (args.length == 0) {
			commandLine.usage(commandLine.getErr());
			return ExitCode.USAGE;
		}
		return commandLine.execute(args);
	}

}
