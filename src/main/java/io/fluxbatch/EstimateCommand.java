package io.fluxbatch;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

import io.fluxbatch.api.ApiException;
import io.fluxbatch.api.ApiKey;
import io.fluxbatch.api.FluxApiProperties;
import io.fluxbatch.api.FluxClient;
import io.fluxbatch.csv.CsvInputException;
import io.fluxbatch.library.ImageLibrary;
import io.fluxbatch.library.ImageOrigin;
import io.fluxbatch.progress.OperatorProperties;
import io.fluxbatch.run.FluxJobProperties;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code estimate}: what {@code run} with the same options would do and cost, found
 * without sending a single generation request: rows to generate, to take from the
 * library, to reject; credits by model and resolution; requests; whether the budget and
 * the daily quota cover it.
 */
@Command(name = "estimate", mixinStandardHelpOptions = true,
		description = "Say what a run with the same options would generate, reuse and cost, without submitting anything.",
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:the estimate was printed; nothing was submitted",
				"2:the input or the options cannot be used", "3:the estimate could not be made" },
		footerHeading = "%nThe API key comes from " + ApiKey.ENVIRONMENT_VARIABLE
				+ " (only to ask the daily quota).%nExamples:%n",
		footer = { "  flux-batch estimate --input catalog.csv --output out/",
				"  flux-batch estimate --job nightly.yml --max-credits 5000" })
class EstimateCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	InputOptions inputOptions;

	@Mixin
	RunOptions runOptions;

	@Mixin
	OperatorOptions operatorOptions;

	@Option(names = "--quota-remaining", paramLabel = "N",
			description = "requests the account has left today; asked of the API (one GET) when not given and "
					+ ApiKey.ENVIRONMENT_VARIABLE + " is set")
	Long quotaRemaining;

	private final Map<String, String> environment;

	private final CommandEnd end;

	EstimateCommand(Map<String, String> environment, CommandEnd end) {
		this.environment = environment;
		this.end = end;
	}

	/** The run options and the operator's, as one set of properties. */
	private Map<String, String> properties() {
		Map<String, String> properties = new java.util.LinkedHashMap<>(this.runOptions.properties());
		properties.putAll(this.operatorOptions.properties());
		return properties;
	}

	@Override
	public Integer call() {
		PrintWriter out = this.spec.commandLine().getOut();
		PrintWriter err = this.spec.commandLine().getErr();
		this.end.command("estimate");
		try {
			FluxJobProperties settings = JobSettings.bind(this.inputOptions, properties(), "flux.job",
					FluxJobProperties.class);
			this.end.notifyUrl(JobSettings.bind(this.inputOptions, properties(), "flux.job", OperatorProperties.class)
				.notifyUrl());
			if (settings.input() == null || settings.output() == null) {
				throw new UsageException("say which CSV to read and where the run would write: --input FILE "
						+ "--output DIR (or flux.job.input/output in the --job file)");
			}
			JobDefaults.check(settings);
			RunEstimate estimate = estimate(settings);
			estimate.lines().forEach(out::println);
			out.println(quota(estimate.requests()));
			out.println("nothing was submitted");
			return ExitCode.COMPLETED;
		}
		catch (CsvInputException | UsageException usage) {
			err.println("flux-batch: " + usage.getMessage());
			return ExitCode.USAGE;
		}
		catch (Exception failure) {
			err.println("flux-batch: could not estimate: " + failure.getMessage());
			return ExitCode.FAILED;
		}
	}

	private RunEstimate estimate(FluxJobProperties settings) throws Exception {
		ImageLibrary library = new ImageLibrary(settings.library(settings.output()),
				ImageOrigin.of(this.runOptions.simulate));
		RunEstimate estimate = new RunEstimate(settings.input(), library, settings.regenerate(), settings.maxCredits());
		estimate.summary(CheckedInput.read(settings.input(), settings, estimate::add).file());
		return estimate;
	}

	private String quota(long requests) {
		String left;
		String source;
		if (this.quotaRemaining != null) {
			left = this.quotaRemaining.toString();
			source = "--quota-remaining";
		}
		else {
			String key = this.environment.get(ApiKey.ENVIRONMENT_VARIABLE);
			if (this.runOptions.simulate || key == null || key.isBlank()) {
				return "daily quota: unknown (give --quota-remaining N, or set " + ApiKey.ENVIRONMENT_VARIABLE
						+ " to ask the API)";
			}
			try {
				left = probe(new ApiKey(key.strip()));
			}
			catch (ApiException | IllegalArgumentException unreachable) {
				return "daily quota: unknown (the API did not answer: " + unreachable.getMessage() + ")";
			}
			if (left == null) {
				return "daily quota: unknown (the API sent no X-RateLimit-Remaining)";
			}
			source = "X-RateLimit-Remaining of one GET to the API";
		}
		try {
			long remaining = Long.parseLong(left.strip());
			return "daily quota: " + remaining + " requests left (" + source + "): "
					+ ((requests <= remaining) ? "the run fits"
							: "the run does NOT fit: it would stop (exit 4) once the quota is used up, and the "
									+ "same command continues after the reset");
		}
		catch (NumberFormatException unlimited) {
			return "daily quota: " + left + " (" + source + ")";
		}
	}

	private String probe(ApiKey key) {
		FluxApiProperties api = JobSettings.bind(this.inputOptions, this.runOptions.properties(), "flux.api",
				FluxApiProperties.class);
		return new FluxClient(api, key, JsonMapper.builder().build()).quotaRemaining();
	}

}
