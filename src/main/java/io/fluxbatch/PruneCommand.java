package io.fluxbatch;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.fluxbatch.api.ApiKey;
import io.fluxbatch.progress.RunStatus;
import io.fluxbatch.run.FluxJobProperties;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code prune}: what every run does at its end, on demand: deletes from the job database
 * the finished runs of an output folder beyond its newest {@code keep-runs}, for instance
 * after lowering it, or for a catalog that no longer runs every night.
 */
@Command(name = "prune", mixinStandardHelpOptions = true,
		description = "Delete from the job database the finished runs of an output folder beyond its newest "
				+ "--keep-runs (each run does it at its end); results CSVs, spend.csv and images are kept.",
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:pruned, or nothing to prune", "2:usage error, or there is no job database there",
				"3:a run of that output folder is alive, or the database failed" },
		footerHeading = "%nNo API key is needed.%nExamples:%n",
		footer = { "  flux-batch prune --output out/ --keep-runs 7", "  flux-batch prune --job nightly.yml" })
class PruneCommand implements Callable<Integer> {

	/** Never sent: the context a command starts always holds a key. */
	private static final ApiKey UNUSED_KEY = new ApiKey("sk-unused-by-prune");

	@Spec
	CommandSpec spec;

	@Option(names = "--output", paramLabel = "DIR", description = "the output folder whose runs are pruned")
	Path output;

	@Option(names = "--job", paramLabel = "FILE",
			description = "a job file naming flux.job.output (and flux.job.keep-runs, flux.db)")
	Path job;

	@Option(names = "--keep-runs", paramLabel = "N",
			description = "how many of the newest runs to keep (default flux.job.keep-runs, 30)")
	Integer keepRuns;

	@Mixin
	DatabaseOptions database;

	private final CommandEnd end;

	PruneCommand(CommandEnd end) {
		this.end = end;
	}

	@Override
	public Integer call() {
		PrintWriter out = this.spec.commandLine().getOut();
		PrintWriter err = this.spec.commandLine().getErr();
		this.end.command("prune");
		InputOptions options = new InputOptions();
		options.job = this.job;
		Path folder;
		FluxJobProperties settings;
		try {
			Map<String, String> given = options();
			settings = JobSettings.bind(options, given, "flux.job", FluxJobProperties.class);
			if (settings.output() == null) {
				throw new UsageException(
						"say which output folder: --output DIR (or flux.job.output in the --job file)");
			}
			String url = JobSettings.property(options, given, DatabaseOptions.DATABASE_URL);
			folder = url.startsWith(JobDatabase.FOLDER_URL) ? JobDatabase
				.folder(JobSettings.property(options, given, "flux.db"), settings.output(), Path.of("")) : null;
			if (folder != null && !Files.isRegularFile(folder.resolve(RunStatus.DATABASE_FILE))) {
				// Starting would create an empty database where the user meant another.
				throw new UsageException(
						"no job database in " + folder + " (a run into that output folder creates it; see --db)");
			}
		}
		catch (UsageException usage) {
			err.println("flux-batch: " + usage.getMessage());
			return ExitCode.USAGE;
		}
		Path catalog = settings.output().toAbsolutePath().normalize();
		try (ConfigurableApplicationContext context = SpringContexts
			.start(SpringContexts.arguments(this.job, folder, options()), UNUSED_KEY);
				RunLease.Held held = context.getBean(RunLease.class).acquire(catalog.toString(), () -> {
				})) {
			OldRuns oldRuns = context.getBean(OldRuns.class);
			List<Long> deleted = oldRuns.prune(catalog, settings.keepRuns());
			int kept = oldRuns.of(catalog).size();
			out.println((deleted.isEmpty() ? "nothing to prune"
					: "deleted run" + ((deleted.size() == 1) ? " " : "s ") + deleted) + ": the job database keeps "
					+ kept + " run" + ((kept == 1) ? "" : "s") + " of " + catalog + " (keep-runs " + settings.keepRuns()
					+ ")");
			return ExitCode.COMPLETED;
		}
		catch (RunLease.HeldElsewhere running) {
			err.println("flux-batch: " + running.getMessage());
			return ExitCode.FAILED;
		}
		catch (SpringContexts.StartupException startup) {
			err.println("flux-batch: " + startup.getMessage());
			return startup.exitCode();
		}
		catch (RuntimeException failure) {
			err.println("flux-batch: prune failed: " + failure.getMessage());
			return ExitCode.FAILED;
		}
	}

	private Map<String, String> options() {
		Map<String, String> properties = new LinkedHashMap<>(this.database.properties());
		if (this.output != null) {
			properties.put("flux.job.output", this.output.toAbsolutePath().normalize().toString());
		}
		if (this.keepRuns != null) {
			properties.put("flux.job.keep-runs", this.keepRuns.toString());
		}
		return properties;
	}

}
