package io.fluxbatch;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.UnmatchedArgumentException;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * flux-batch: turns a spreadsheet of prompts into FLUX.2 images. The command line is
 * parsed before Spring starts, so a usage error costs nothing and prints one line.
 */
@SpringBootApplication
@Command(name = "flux-batch", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
		description = "Turns a CSV of prompts into FLUX.2 images, restartably.",
		footerHeading = "%nCommands: run, validate, estimate, status, prune (each has --help).%n",
		footer = "Exit codes: 0 completed, 1 validate found rejected rows, 2 usage error, 3 failed, 4 stopped.")
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
		CommandEnd end = new CommandEnd();
		CommandLine commandLine = new CommandLine(new FluxBatchApplication());
		commandLine.addSubcommand(new RunCommand(environment, end));
		commandLine.addSubcommand(new ValidateCommand(end));
		commandLine.addSubcommand(new EstimateCommand(environment, end));
		commandLine.addSubcommand(new StatusCommand(end));
		commandLine.addSubcommand(new PruneCommand(end));
		commandLine.setOut(out);
		commandLine.setErr(err);
		commandLine.setParameterExceptionHandler((problem, arguments) -> {
			problem.getCommandLine()
				.getErr()
				.println("flux-batch: " + describe(problem) + " (see " + problem.getCommandLine().getCommandName()
						+ " --help)");
			end.command((problem.getCommandLine().getParent() == null) ? "command"
					: problem.getCommandLine().getCommandName());
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
		int exitCode = commandLine.execute(args);
		end.finish(exitCode, out, err);
		return exitCode;
	}

	/** A typo gets the nearest command or option, not only "unmatched argument". */
	private static String describe(CommandLine.ParameterException problem) {
		if (problem instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
			String given = unmatched.getUnmatched().get(0);
			List<String> suggestions = Suggestions.of(given, unmatched.getCommandLine(), unmatched.getSuggestions());
			String what = given.startsWith("-") ? "option" : "command or argument";
			return "unknown " + what + " '" + given + "'" + (suggestions.isEmpty() ? "" : ": did you mean "
					+ String.join(" or ", suggestions.subList(0, Math.min(3, suggestions.size()))) + "?");
		}
		return problem.getMessage();
	}

}
