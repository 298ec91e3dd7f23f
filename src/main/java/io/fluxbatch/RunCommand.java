package io.fluxbatch;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.fluxbatch.api.ApiKey;
import io.fluxbatch.api.FluxClient;
import io.fluxbatch.csv.CsvInputException;
import io.fluxbatch.library.FileHashes;
import io.fluxbatch.library.ImageLibrary;
import io.fluxbatch.library.ImageOrigin;
import io.fluxbatch.progress.CommandHistory;
import io.fluxbatch.progress.OperatorProperties;
import io.fluxbatch.progress.ProgressMonitor;
import io.fluxbatch.progress.ProgressProbe;
import io.fluxbatch.progress.ProgressSnapshot;
import io.fluxbatch.review.ReviewFile;
import io.fluxbatch.review.ReviewStore;
import io.fluxbatch.review.Verdict;
import io.fluxbatch.run.FluxJobProperties;
import io.fluxbatch.run.RunStop;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code run}: turns a prompts CSV into images, or continues the unfinished run over the
 * same input and output folder.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
		description = "Generate one image per valid row of a prompts CSV, or continue the unfinished run.",
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:completed: every row reached a final state",
				"2:usage or input error, or every row was rejected; nothing was submitted",
				"3:failed; the same command continues the run",
				"4:stopped (credits, quota, --max-credits, a stop signal); the same command continues the run" },
		footerHeading = "%nThe API key is read from the environment variable " + ApiKey.ENVIRONMENT_VARIABLE
				+ ".%nExamples:%n",
		footer = { "  flux-batch run --input catalog.csv --output out/ --simulate",
				"  flux-batch run --job nightly.yml --review out/review.csv --log-file night.log" })
class RunCommand implements Callable<Integer> {

	private static final String SIMULATED_KEY = "sk-simulated";

	@Spec
	CommandSpec spec;

	@Mixin
	InputOptions inputOptions;

	@Mixin
	RunOptions runOptions;

	@Mixin
	OperatorOptions operatorOptions;

	@Option(names = "--review", paramLabel = "FILE",
			description = "a review.csv exported from report.html: its rejected images are generated again, its "
					+ "approved ones recorded (or flux.job.review)")
	Path review;

	@Option(names = "--start-over",
			description = "drop the unfinished run over this input and output and start a new one (its tasks are "
					+ "taken over, its images reused)")
	boolean startOver;

	private final Map<String, String> environment;

	private final CommandEnd end;

	RunCommand(Map<String, String> environment, CommandEnd end) {
		this.environment = environment;
		this.end = end;
	}

	@Override
	public Integer call() {
		PrintWriter out = this.spec.commandLine().getOut();
		PrintWriter err = this.spec.commandLine().getErr();
		this.end.command("run");
		ApiKey key;
		Path database;
		OperatorProperties operator;
		List<Verdict> verdicts;
		try {
			operator = JobSettings.bind(this.inputOptions, options(), "flux.job", OperatorProperties.class);
			this.end.notifyUrl(operator.notifyUrl());
			key = apiKey();
			FluxJobProperties given = JobSettings.bind(this.inputOptions, options(), "flux.job",
					FluxJobProperties.class);
			if (given.input() == null || given.output() == null) {
				throw new UsageException("say which CSV to read and where to write: --input FILE --output DIR"
						+ " (or flux.job.input/output in the --job file)");
			}
			JobDefaults.check(given);
			String url = JobSettings.property(this.inputOptions, options(), DatabaseOptions.DATABASE_URL);
			// A shared database (PostgreSQL) is named by its URL; the folder is H2's.
			database = url.startsWith(JobDatabase.FOLDER_URL) ? JobDatabase.folder(
					JobSettings.property(this.inputOptions, options(), "flux.db"), given.output(), Path.of("")) : null;
			verdicts = reviewVerdicts(operator);
		}
		catch (UsageException usage) {
			err.println("flux-batch: " + usage.getMessage());
			return ExitCode.USAGE;
		}
		// Declared first, closed last: the signal's exit waits for the context to close.
		try (StopSignal signal = new StopSignal();
				ConfigurableApplicationContext context = SpringContexts.start(springArguments(database), key)) {
			signal.onSignal(context.getBean(RunStop.class)::requestStop);
			signal.onExit((code) -> this.end.finish(code, out, err));
			FluxJobProperties settings = context.getBean(FluxJobProperties.class);
			Clock clock = context.getBean(Clock.class);
			String origin = ImageOrigin.of(context.getBean(SimulatorProperties.class).enabled());
			Path library = settings.library(settings.output());
			if (!verdicts.isEmpty()) {
				new ReviewStore(context.getBean(JdbcClient.class)).apply(settings.output(), verdicts,
						FileHashes.sha256(reviewFile(operator)), new ImageLibrary(library, origin), clock.instant());
			}
			String input = settings.input().toAbsolutePath().normalize().toString();
			String output = settings.output().toAbsolutePath().normalize().toString();
			CommandHistory history = context.getBean(CommandHistory.class);
			ProgressProbe probe = new ProgressProbe(context.getBean(JdbcClient.class),
					context.getBean(FluxClient.class).usage(), clock);
			long commandId = history.started(probe.commandStart(), input, output);
			int exitCode = ExitCode.FAILED;
			ProgressSnapshot last = null;
			try (ProgressMonitor monitor = ProgressMonitor.start(probe, database, input, output,
					operator.progressInterval(), ProgressMonitor.Mode.detect(operator.quiet()))) {
				try {
					JobExecution execution = context.getBean(CatalogRuns.class)
						.run(settings.input(), settings.output(), settings.csvOptions(), library, settings.regenerate(),
								origin, this.startOver);
					last = monitor.finish().orElse(null);
					exitCode = RunOutcome.report(execution, context, out, err);
				}
				catch (CsvInputException | UsageException usage) {
					exitCode = ExitCode.USAGE;
					throw usage;
				}
				finally {
					if (last == null) {
						last = monitor.finish().orElse(null);
					}
					history.ended(commandId, clock.instant(), CommandEnd.outcome(exitCode), exitCode, last);
					if (last != null) {
						this.end.ran(last.rowsByStatus(), last.credits(), output);
					}
				}
			}
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

	private Path reviewFile(OperatorProperties operator) {
		return (this.review != null) ? this.review : operator.review();
	}

	/** The review file's verdicts, read before anything starts, or none. */
	private List<Verdict> reviewVerdicts(OperatorProperties operator) {
		Path file = reviewFile(operator);
		if (file == null) {
			return List.of();
		}
		try {
			return ReviewFile.read(file);
		}
		catch (IllegalArgumentException unusable) {
			throw new UsageException(unusable.getMessage());
		}
	}

	/** The run's and the operator's options, as Spring properties. */
	private Map<String, String> options() {
		Map<String, String> properties = new java.util.LinkedHashMap<>(this.runOptions.properties());
		properties.putAll(this.operatorOptions.properties());
		if (this.review != null) {
			properties.put("flux.job.review", this.review.toAbsolutePath().normalize().toString());
		}
		return properties;
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
		Map<String, String> properties = new java.util.LinkedHashMap<>(this.inputOptions.properties());
		properties.putAll(options());
		return SpringContexts.arguments(this.inputOptions.job, database, properties);
	}

}
