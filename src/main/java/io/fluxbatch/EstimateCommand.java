package io.fluxbatch;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import io.fluxbatch.api.ApiException;
import io.fluxbatch.api.ApiKey;
import io.fluxbatch.api.FluxApiProperties;
import io.fluxbatch.api.FluxClient;
import io.fluxbatch.csv.CsvFileSummary;
import io.fluxbatch.csv.CsvInputException;
import io.fluxbatch.download.ImageLibrary;
import io.fluxbatch.job.FluxJobProperties;
import io.fluxbatch.prompt.Prompt;
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
		description = "Say what a run with the same options would generate, reuse and cost, without submitting anything.")
class EstimateCommand implements Callable<Integer> {

	/**
	 * Requests one generated image takes: its POST and one poll. The poll schedule waits
	 * for the time a task of the model has been seen to take before the first poll, so
	 * measured runs stay at this floor (29-row sample: 46 requests for 23 images);
	 * retries, failed generations and expired links add to it.
	 */
	static final int REQUESTS_PER_IMAGE = 2;

	@Spec
	CommandSpec spec;

	@Mixin
	InputOptions inputOptions;

	@Mixin
	RunOptions runOptions;

	@Option(names = "--quota-remaining", paramLabel = "N",
			description = "requests the account has left today; asked of the API (one GET) when not given and "
					+ ApiKey.ENVIRONMENT_VARIABLE + " is set")
	Long quotaRemaining;

	private final Map<String, String> environment;

	EstimateCommand(Map<String, String> environment) {
		this.environment = environment;
	}

	@Override
	public Integer call() {
		PrintWriter out = this.spec.commandLine().getOut();
		PrintWriter err = this.spec.commandLine().getErr();
		try {
			FluxJobProperties settings = JobSettings.bind(this.inputOptions, this.runOptions.properties(), "flux.job",
					FluxJobProperties.class);
			if (settings.input() == null || settings.output() == null) {
				throw new UsageException("say which CSV to read and where the run would write: --input FILE "
						+ "--output DIR (or flux.job.input/output in the --job file)");
			}
			if (settings.maxCredits() != null && settings.maxCredits() < 0) {
				throw new UsageException("--max-credits must be 0 or more");
			}
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

	/**
	 * Applies the run's rules row by row, in input order: rejected, reused (the library
	 * holds an intact image for the same fingerprint and nothing asks to regenerate),
	 * generated while the budget lasts, held back from the first row it does not cover.
	 */
	private RunEstimate estimate(FluxJobProperties settings) throws Exception {
		Path input = settings.input();
		ImageLibrary library = new ImageLibrary(settings.library(settings.output()));
		Long budget = settings.maxCredits();
		RunEstimate estimate = new RunEstimate(input, library.folder(), budget);
		CsvFileSummary summary = CheckedInput.read(input, settings, (record, row, reason) -> {
			if (reason != null) {
				estimate.rejected++;
				return;
			}
			Prompt prompt = row.prompt();
			boolean regenerate = settings.regenerate() || prompt.regenerate();
			if (!regenerate && library.find(prompt.fingerprint()).isPresent()) {
				estimate.reused++;
				return;
			}
			long price = prompt.credits();
			if (estimate.heldBack > 0 || (budget != null && estimate.credits + price > budget)) {
				if (estimate.heldBack == 0) {
					estimate.firstHeldBackRow = record.row();
				}
				estimate.heldBack++;
				estimate.heldBackCredits += price;
				return;
			}
			estimate.credits += price;
			estimate.byModel.merge(prompt.model().apiName() + " " + prompt.resolution().label(), price,
					(a, b) -> a + b);
			estimate.imagesByModel.merge(prompt.model().apiName() + " " + prompt.resolution().label(), 1L, Long::sum);
		});
		estimate.summary = summary;
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

	/** What the run would do, counted. */
	static final class RunEstimate {

		final Path input;

		final Path library;

		final Long budget;

		CsvFileSummary summary;

		long rejected;

		long reused;

		long heldBack;

		long heldBackCredits;

		int firstHeldBackRow;

		long credits;

		final Map<String, Long> byModel = new TreeMap<>();

		final Map<String, Long> imagesByModel = new TreeMap<>();

		RunEstimate(Path input, Path library, Long budget) {
			this.input = input;
			this.library = library;
			this.budget = budget;
		}

		long generated() {
			return this.imagesByModel.values().stream().mapToLong(Long::longValue).sum();
		}

		long requests() {
			return generated() * REQUESTS_PER_IMAGE;
		}

		java.util.List<String> lines() {
			java.util.List<String> lines = new java.util.ArrayList<>();
			lines.add(this.input + ": " + this.summary.dataRows() + " rows (" + this.summary.format().describe() + "): "
					+ generated() + " to generate, " + this.reused + " to reuse, " + this.rejected + " rejected"
					+ ((this.heldBack > 0) ? ", " + this.heldBack + " held back by the budget" : ""));
			lines.add("library: " + this.library);
			lines.add("credits: " + this.credits);
			this.byModel.forEach((modelAndResolution, credits) -> lines.add("  " + modelAndResolution + ": "
					+ this.imagesByModel.get(modelAndResolution) + " images, " + credits + " credits"));
			if (this.budget != null) {
				lines.add("budget: " + this.budget + " credits (--max-credits): "
						+ ((this.heldBack == 0) ? "covers every row"
								: "stops at row " + this.firstHeldBackRow + "; " + this.heldBack + " rows ("
										+ this.heldBackCredits
										+ " credits) wait for the next run, which ends with exit code 4"));
			}
			lines.add("requests: " + requests() + " (" + REQUESTS_PER_IMAGE
					+ " per generated image: its submission and one poll; retries and failed generations add to it)");
			return lines;
		}

	}

}
