package io.fluxbatch;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import io.fluxbatch.api.ApiKey;
import io.fluxbatch.csv.CsvInputException;
import io.fluxbatch.download.ImageOrigin;
import io.fluxbatch.job.FluxJobProperties;
import io.fluxbatch.job.RunStop;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code run}: turns a prompts CSV into images, or continues the unfinished run over the
 * same input and output folder.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
		description = "Generate one image per valid row of a prompts CSV, or continue the unfinished run.")
class RunCommand implements Callable<Integer> {

	private static final String SIMULATED_KEY = "sk-simulated";

	@Spec
	CommandSpec spec;

	@Mixin
	InputOptions inputOptions;

	@Mixin
	RunOptions runOptions;

	@Option(names = "--start-over",
			description = "drop the unfinished run over this input and output and start a new one (its tasks are "
					+ "taken over, its images reused)")
	boolean startOver;

	private final Map<String, String> environment;

	RunCommand(Map<String, String> environment) {
		this.environment = environment;
	}

	@Override
	public Integer call() {
		PrintWriter out = this.spec.commandLine().getOut();
		PrintWriter err = this.spec.commandLine().getErr();
		ApiKey key;
		Path database;
		try {
			key = apiKey();
			FluxJobProperties given = JobSettings.bind(this.inputOptions, this.runOptions.properties(), "flux.job",
					FluxJobProperties.class);
			if (given.input() == null || given.output() == null) {
				throw new UsageException("say which CSV to read and where to write: --input FILE --output DIR"
						+ " (or flux.job.input/output in the --job file)");
			}
			JobDefaults.check(given);
			String url = JobSettings.property(this.inputOptions, this.runOptions.properties(), RunOptions.DATABASE_URL);
			// A shared database (PostgreSQL) is named by its URL; the folder is H2's.
			database = url.startsWith(JobDatabase.FOLDER_URL) ? JobDatabase.folder(
					JobSettings.property(this.inputOptions, this.runOptions.properties(), "flux.db"), given.output(),
					Path.of("")) : null;
		}
		catch (UsageException usage) {
			err.println("flux-batch: " + usage.getMessage());
			return ExitCode.USAGE;
		}
		// Declared first, closed last: the signal's exit waits for the context to close.
		try (StopSignal signal = new StopSignal();
				ConfigurableApplicationContext context = SpringContexts.start(springArguments(database), key)) {
			signal.onSignal(context.getBean(RunStop.class)::requestStop);
			FluxJobProperties settings = context.getBean(FluxJobProperties.class);
			JobExecution execution = context.getBean(CatalogRuns.class)
				.run(settings.input(), settings.output(), settings.csvOptions(), settings.library(settings.output()),
						settings.regenerate(), ImageOrigin.of(context.getBean(SimulatorProperties.class).enabled()),
						this.startOver);
			int exitCode = RunOutcome.report(execution, context, out, err);
			signal.exitCode(exitCode);
			return exitCode;
		}
		catch (CsvInputException | UsageException usage) {
			err.println("flux-batch: " + usage.getMessage());
			return ExitCode.USAGE;
		}
		catch (RunLease.HeldElsewhere running) {
			err.println("flux-batch: " + running.getMessage());
			return ExitCode.FAILED;
		}
		catch (SpringContexts.StartupException startup) {
			err.println("flux-batch: " + startup.getMessage());
			return startup.exitCode();
		}
		catch (Exception failure) {
			err.println("flux-batch: the run failed: " + failure.getMessage());
			return ExitCode.FAILED;
		}
	}

	private ApiKey apiKey() {
		String value = this.environment.get(ApiKey.ENVIRONMENT_VARIABLE);
		if (value == null || value.isBlank()) {
			if (this.runOptions.simulate) {
				return new ApiKey(SIMULATED_KEY);
			}
			throw new UsageException(ApiKey.ENVIRONMENT_VARIABLE
					+ " is not set: export your API key (it starts with sk-), or try the demo with --simulate");
		}
		ApiKey key;
		try {
			key = new ApiKey(value.strip());
		}
		catch (IllegalArgumentException malformed) {
			throw new UsageException(malformed.getMessage());
		}
		if (!key.wellFormed()) {
			throw new UsageException(ApiKey.ENVIRONMENT_VARIABLE + " does not hold an API key (keys start with sk-)");
		}
		return key;
	}

	/**
	 * The options as Spring properties, above a job file's and application.yml's values.
	 */
	private String[] springArguments(Path database) {
		List<String> arguments = new ArrayList<>();
		if (database != null) {
			arguments.add("--flux.db=" + database);
		}
		if (this.inputOptions.job != null) {
			arguments.add("--spring.config.import=file:" + this.inputOptions.job.toAbsolutePath());
		}
		this.inputOptions.properties().forEach((name, value) -> arguments.add("--" + name + "=" + value));
		// flux.db once only: Spring joins a repeated argument's values with commas.
		this.runOptions.properties().forEach((name, value) -> {
			if (!name.equals("flux.db")) {
				arguments.add("--" + name + "=" + value);
			}
		});
		return arguments.toArray(String[]::new);
	}

}
