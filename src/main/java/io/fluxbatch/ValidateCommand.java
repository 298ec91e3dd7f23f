package io.fluxbatch;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.fluxbatch.api.ApiKey;
import io.fluxbatch.csv.CsvFileSummary;
import io.fluxbatch.csv.CsvInputException;
import io.fluxbatch.progress.OperatorProperties;
import io.fluxbatch.run.FluxJobProperties;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code validate}: reads and checks a prompts CSV exactly as {@code run} would, and
 * sends nothing: a sheet can be fixed before a night's run instead of after it.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
		description = "Read and validate a prompts CSV without submitting anything.",
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:every row is valid", "1:the file reads, but some rows would be rejected",
				"2:the file or the options cannot be used", "3:the file could not be read" },
		footerHeading = "%nNo API key is needed (run reads it from " + ApiKey.ENVIRONMENT_VARIABLE + ").%nExamples:%n",
		footer = { "  flux-batch validate --input catalog.csv", "  flux-batch validate --job nightly.yml" })
class ValidateCommand implements Callable<Integer> {

	/** Exit code when the file reads but some rows would be rejected. */
	static final int ROWS_REJECTED = 1;

	private static final int REJECTS_SHOWN = 20;

	@Spec
	CommandSpec spec;

	@Mixin
	InputOptions inputOptions;

	@Mixin
	OperatorOptions operatorOptions;

	private final CommandEnd end;

	ValidateCommand(CommandEnd end) {
		this.end = end;
	}

	@Override
	public Integer call() {
		PrintWriter out = this.spec.commandLine().getOut();
		PrintWriter err = this.spec.commandLine().getErr();
		this.end.command("validate");
		try {
			Map<String, String> operator = this.operatorOptions.properties();
			FluxJobProperties settings = JobSettings.bind(this.inputOptions, operator, "flux.job",
					FluxJobProperties.class);
			this.end.notifyUrl(
					JobSettings.bind(this.inputOptions, operator, "flux.job", OperatorProperties.class).notifyUrl());
			if (settings.input() == null) {
				throw new UsageException("say which CSV to read: --input FILE (or flux.job.input in the --job file)");
			}
			JobDefaults.check(settings);
			return validate(settings.input(), settings, out);
		}
		catch (CsvInputException | UsageException usage) {
			err.println("flux-batch: " + usage.getMessage());
			return ExitCode.USAGE;
		}
		catch (Exception failure) {
			err.println("flux-batch: could not validate: " + failure.getMessage());
			return ExitCode.FAILED;
		}
	}

	private int validate(Path input, FluxJobProperties settings, PrintWriter out) throws Exception {
		List<String> rejects = new ArrayList<>();
		int[] valid = { 0 };
		CheckedInput.Checked checked = CheckedInput.read(input, settings, (record, row, reason) -> {
			if (reason == null) {
				valid[0]++;
			}
			else {
				rejects.add("  line " + record.line() + " (" + row.key() + "): " + reason.replaceAll("\\R", " "));
			}
		});
		CsvFileSummary summary = checked.file();
		String skipped = (checked.skipped() > 0)
				? ", " + checked.skipped() + " skipped (every cell the prompt template uses is empty)" : "";
		String images = checked.mapping().hasVariants() ? " images" : "";
		out.println(input + ": " + summary.dataRows() + " rows (" + summary.format().describe() + "): " + valid[0]
				+ images + " valid, " + rejects.size() + " rejected" + skipped);
		checked.mapping().describe().forEach((line) -> out.println("  " + line));
		rejects.stream().limit(REJECTS_SHOWN).forEach(out::println);
		if (rejects.size() > REJECTS_SHOWN) {
			out.println("  ... and " + (rejects.size() - REJECTS_SHOWN) + " more (run writes them all to rejects.csv)");
		}
		return rejects.isEmpty() ? ExitCode.COMPLETED : ROWS_REJECTED;
	}

}
