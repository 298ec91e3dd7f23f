package io.fluxbatch;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import io.fluxbatch.api.ApiKey;
import io.fluxbatch.progress.RunStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code status}: the runs a job database remembers, newest first, and for an output
 * folder where its latest run stands and what the next command would do; also while a run
 * is alive, from the progress file it keeps.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
		description = "List the runs of a job database, newest first; with --output, the latest run over that folder "
				+ "in detail. Works while a run is alive.",
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:the status was printed", "2:there is no job database there, or the options are wrong" },
		footerHeading = "%nNo API key is needed (" + ApiKey.ENVIRONMENT_VARIABLE
				+ " is read by run and estimate only).%nExamples:%n",
		footer = { "  flux-batch status --output out/", "  flux-batch status --db /var/lib/flux-batch/db" })
class StatusCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Option(names = "--output", paramLabel = "DIR", description = "the output folder of the runs to describe")
	Path output;

	@Option(names = "--db", paramLabel = "PATH",
			description = "the job database's folder (default <output>/.flux-batch)")
	Path db;

	@Option(names = "--job", paramLabel = "FILE", description = "a job file naming flux.job.output (and flux.db)")
	Path job;

	@Mixin
	OperatorOptions operatorOptions;

	private final CommandEnd end;

	StatusCommand(CommandEnd end) {
		this.end = end;
	}

	@Override
	public Integer call() {
		PrintWriter out = this.spec.commandLine().getOut();
		PrintWriter err = this.spec.commandLine().getErr();
		this.end.command("status");
		try {
			if (this.operatorOptions.notifyUrl != null) {
				this.end.notifyUrl(java.net.URI.create(this.operatorOptions.notifyUrl));
			}
			InputOptions options = new InputOptions();
			options.job = this.job;
			Map<String, String> given = this.operatorOptions.properties();
			String output = (this.output != null) ? this.output.toString()
					: JobSettings.property(options, given, "flux.job.output");
			String configured = (this.db != null) ? this.db.toString()
					: JobSettings.property(options, given, "flux.db");
			if (output == null && configured == null) {
				throw new UsageException("say which job database: --output DIR, --db PATH or --job FILE");
			}
			Path folder = (configured != null) ? Path.of(configured).toAbsolutePath().normalize()
					: Path.of(output).toAbsolutePath().normalize().resolve(JobDatabase.FOLDER);
			if (!RunStatus.print(folder, (output != null) ? Path.of(output) : null, out)) {
				err.println("flux-batch: no job database in " + folder
						+ " (a run into that output folder creates it; see --db)");
				return ExitCode.USAGE;
			}
			return ExitCode.COMPLETED;
		}
		catch (UsageException | IllegalArgumentException usage) {
			err.println("flux-batch: " + usage.getMessage());
			return ExitCode.USAGE;
		}
		catch (RuntimeException failure) {
			err.println("flux-batch: " + failure.getMessage());
			return ExitCode.FAILED;
		}
	}

}
