package io.fluxbatch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fluxbatch.simulator.FluxSimulator;
import io.fluxbatch.simulator.ReceivedGeneration;
import io.fluxbatch.simulator.ResponseShape;
import io.fluxbatch.simulator.SimulatorSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nightly runs over a catalog that barely changes: the library, --regenerate, the budget
 * and the estimate, end to end through the command line against the simulator.
 */
@FullLane
class IncrementalRunTest {

	private static final Map<String, String> ENVIRONMENT = Map.of("VICSEE_API_KEY", "sk-test-key");

	private static final String HEADER = "sku,prompt,model,resolution,input_urls,regenerate\n";

	@TempDir
	Path dir;

	private FluxSimulator simulator;

	@AfterEach
	void stopSimulator() {
		if (this.simulator != null) {
			this.simulator.close();
		}
	}

	@Test
	void aSecondRunOverTheSameCsvSubmitsNothingAndCostsNothing() throws Exception {
		this.simulator = FluxSimulator.start(SimulatorSettings.defaults().withShape(ResponseShape.ENVELOPE));
		Path input = write("catalog.csv", catalog(6));
		assertThat(run(input).exitCode()).isEqualTo(ExitCode.COMPLETED);
		List<Map<String, String>> first = results();

		CommandRun second = run(input);

		assertThat(second.exitCode()).as(second.err()).isEqualTo(ExitCode.COMPLETED);
		assertThat(this.simulator.generations()).hasSize(6);
		List<Map<String, String>> results = results();
		assertThat(results).extracting((row) -> row.get("status")).containsOnly("COMPLETED").hasSize(6);
		assertThat(results).extracting((row) -> row.get("credits")).containsOnly("0");
		assertThat(results).extracting((row) -> row.get("task_id")).containsOnly("");
		assertThat(results).allSatisfy((row) -> assertThat(row.get("reused_from")).startsWith(".library/"));
		assertThat(results).extracting((row) -> row.get("sha256"))
			.containsExactlyElementsOf(first.stream().map((row) -> row.get("sha256")).toList());
		RunChecks.assertImagesVerified(output(), results);
		assertThat(total()).containsEntry("images", "0").containsEntry("credits", "0").containsEntry("reused", "6");
	}

	@Test
	void changingOnePromptOneResolutionOrOneInputUrlRegeneratesExactlyThatRow() throws Exception {
		this.simulator = FluxSimulator.start(SimulatorSettings.defaults());
		List<String> rows = new ArrayList<>(catalog(6).lines().toList());
		Path input = write("catalog.csv", String.join("\n", rows));
		assertThat(run(input).exitCode()).isEqualTo(ExitCode.COMPLETED);

		rows.set(1, rows.get(1).replace("Product photo number 1 ", "Product photo number 1 in red "));
		rows.set(3, rows.get(3).replace(",pro,1K,", ",pro,2K,"));
		rows.set(6, rows.get(6).replace("/ref-6.jpg", "/ref-6-new.jpg"));
		write("catalog.csv", String.join("\n", rows));
		CommandRun second = run(input);

		assertThat(second.exitCode()).as(second.err()).isEqualTo(ExitCode.COMPLETED);
		assertThat(this.simulator.generations()).hasSize(6 + 3);
		assertThat(this.simulator.generations().subList(6, 9)).extracting(ReceivedGeneration::prompt)
			.containsExactlyInAnyOrder("Product photo number 1 in red on a plain background",
					"Product photo number 3 on a plain background", "Product photo number 6 on a plain background");
		assertThat(results())
			.extracting((row) -> row.get("sku") + " "
					+ (row.get("reused_from").isEmpty() ? "generated " + row.get("credits")
							: "reused " + row.get("credits")))
			.containsExactly("P-1 generated 15", "P-2 reused 0", "P-3 generated 20", "P-4 reused 0", "P-5 reused 0",
					"P-6 generated 15");
		assertThat(total()).containsEntry("images", "3").containsEntry("credits", "50").containsEntry("reused", "3");
	}

	@Test
	void regenerateGeneratesEveryRowAgainAndTheRegenerateColumnOnlyTheRowsItMarks() throws Exception {
		this.simulator = FluxSimulator.start(SimulatorSettings.defaults());
		Path input = write("catalog.csv", catalog(4));
		assertThat(run(input).exitCode()).isEqualTo(ExitCode.COMPLETED);

		CommandRun everything = run(input, "--regenerate");

		assertThat(everything.exitCode()).as(everything.err()).isEqualTo(ExitCode.COMPLETED);
		assertThat(this.simulator.generations()).hasSize(4 + 4);
		assertThat(results()).extracting((row) -> row.get("reused_from")).containsOnly("");

		List<String> rows = new ArrayList<>(catalog(4).lines().toList());
		rows.set(2, rows.get(2) + "YES");
		rows.set(4, rows.get(4) + "x");
		write("catalog.csv", String.join("\n", rows));
		CommandRun marked = run(input);

		assertThat(marked.exitCode()).as(marked.err()).isEqualTo(ExitCode.COMPLETED);
		assertThat(this.simulator.generations()).hasSize(4 + 4 + 2);
		assertThat(results()).extracting((row) -> row.get("sku") + " " + row.get("reused_from").isEmpty())
			.containsExactly("P-1 false", "P-2 true", "P-3 false", "P-4 true");
	}

	@Test
	void aLibraryImageDeletedOrTruncatedBetweenRunsIsGeneratedAgainNeverReused() throws Exception {
		this.simulator = FluxSimulator.start(SimulatorSettings.defaults());
		Path input = write("catalog.csv", catalog(4));
		Path library = this.dir.resolve("shared-library");
		assertThat(run(input, "--library", library.toString()).exitCode()).isEqualTo(ExitCode.COMPLETED);
		List<Path> images;
		try (var files = Files.list(library)) {
			images = files.filter((file) -> file.toString().endsWith(".png")).sorted().toList();
		}
		assertThat(images).hasSize(4);
		Files.delete(images.get(0));
		byte[] whole = Files.readAllBytes(images.get(1));
		Files.write(images.get(1), Arrays.copyOf(whole, whole.length / 2));

		CommandRun second = run(input, "--library", library.toString());

		assertThat(second.exitCode()).as(second.err()).isEqualTo(ExitCode.COMPLETED);
		assertThat(this.simulator.generations()).hasSize(4 + 2);
		List<Map<String, String>> results = results();
		assertThat(results).filteredOn((row) -> row.get("reused_from").isEmpty()).hasSize(2);
		assertThat(results).filteredOn((row) -> !row.get("reused_from").isEmpty())
			.allSatisfy((row) -> assertThat(row.get("reused_from")).startsWith(library.toString()));
		RunChecks.assertImagesVerified(output(), results);

		CommandRun third = run(input, "--library", library.toString());

		assertThat(third.exitCode()).isEqualTo(ExitCode.COMPLETED);
		assertThat(this.simulator.generations()).hasSize(4 + 2);
	}

	@Test
	void verifyLibraryHashesTheLibraryAgainAndRegeneratesAnImageAlteredBehindItsStamp() throws Exception {
		this.simulator = FluxSimulator.start(SimulatorSettings.defaults());
		Path input = write("catalog.csv", catalog(3));
		Path library = this.dir.resolve("shared-library");
		assertThat(run(input, "--library", library.toString()).exitCode()).isEqualTo(ExitCode.COMPLETED);
		Path image;
		try (var files = Files.list(library)) {
			image = files.filter((file) -> file.toString().endsWith(".png")).sorted().findFirst().orElseThrow();
		}
		// Bytes changed in place with the time put back: only a full check can tell.
		FileTime modified = Files.getLastModifiedTime(image);
		byte[] bytes = Files.readAllBytes(image);
		bytes[bytes.length / 2] ^= 0x5A;
		Files.write(image, bytes);
		Files.setLastModifiedTime(image, modified);

		CommandRun trusting = run(input, "--library", library.toString());
		assertThat(trusting.exitCode()).as(trusting.err()).isEqualTo(ExitCode.COMPLETED);
		assertThat(this.simulator.generations()).as("trusted by its stamp, unread").hasSize(3);

		CommandRun verifying = run(input, "--library", library.toString(), "--verify-library");

		assertThat(verifying.exitCode()).as(verifying.err()).isEqualTo(ExitCode.COMPLETED);
		assertThat(this.simulator.generations()).as("the altered image generated again").hasSize(3 + 1);
		RunChecks.assertImagesVerified(output(), results());
	}

	@Test
	void aNightWithAnotherLibraryThanTheLastSaysWhichOneHeldItsImages() throws Exception {
		this.simulator = FluxSimulator.start(SimulatorSettings.defaults());
		Path input = write("catalog.csv", catalog(2));
		Path kept = this.dir.resolve("library");
		assertThat(run(input, "--library", kept.toString()).exitCode()).isEqualTo(ExitCode.COMPLETED);
		Path log = this.dir.resolve("night.log");

		CommandRun second = run(input, "--library", this.dir.resolve("elsewhere").toString(), "--log-file",
				log.toString());

		assertThat(second.exitCode()).as(second.err()).isEqualTo(ExitCode.COMPLETED);
		assertThat(Files.readString(log)).contains("but the last run into this output folder used " + kept)
			.contains("give --library " + kept + " to reuse them");
	}

	@Test
	void theBudgetStopsAtTheFirstRowItCannotPayForAndTheNextRunContinuesFromThatRow() throws Exception {
		this.simulator = FluxSimulator.start(SimulatorSettings.defaults());
		Path input = write("catalog.csv", HEADER + """
				P-1,Product photo number 1 on a plain background,pro,1K,,
				P-2,Product photo number 2 on a plain background,pro,1K,,
				P-3,Product photo number 3 on a plain background,flex,1K,,
				P-4,Product photo number 4 on a plain background,pro,1K,,
				P-5,Product photo number 5 on a plain background,pro,1K,,
				""");

		CommandRun first = run(input, "--max-credits", "50");

		assertThat(first.exitCode()).as(first.err()).isEqualTo(ExitCode.STOPPED);
		assertThat(first.err()).contains("budget of 50 credits").contains("row 3").contains("--max-credits");
		// P-4 and P-5 would fit in what is left, but the budget stops at the row it
		// cannot pay for: rows are generated in the order of the catalog.
		assertThat(results()).extracting((row) -> row.get("sku") + " " + row.get("status"))
			.containsExactly("P-1 COMPLETED", "P-2 COMPLETED", "P-3 PENDING", "P-4 PENDING", "P-5 PENDING");
		assertThat(results().subList(2, 5))
			.allSatisfy((row) -> assertThat(row.get("error")).contains("budget of 50 credits"));
		assertThat(this.simulator.generations()).hasSize(2);

		CommandRun second = run(input, "--max-credits", "50");

		assertThat(second.exitCode()).as(second.err()).isEqualTo(ExitCode.STOPPED);
		assertThat(results()).extracting((row) -> row.get("status"))
			.containsExactly("COMPLETED", "COMPLETED", "COMPLETED", "PENDING", "PENDING");

		CommandRun third = run(input, "--max-credits", "100");

		assertThat(third.exitCode()).as(third.err()).isEqualTo(ExitCode.COMPLETED);
		assertThat(results()).extracting((row) -> row.get("status")).containsOnly("COMPLETED");
		assertThat(this.simulator.generations()).extracting(ReceivedGeneration::prompt)
			.hasSize(5)
			.doesNotHaveDuplicates();
		assertThat(total()).containsEntry("credits", "105");
		assertThat(this.simulator.counters().creditsCharged()).isEqualTo(105);
	}

	@Test
	void estimateSendsNoGenerationRequestAndItsCreditsAreWhatTheRunThenSpends() throws Exception {
		this.simulator = FluxSimulator.start(SimulatorSettings.defaults().withDailyQuota(1_000));
		List<String> rows = new ArrayList<>(catalog(8).lines().toList());
		rows.set(2, rows.get(2).replace(",pro,", ",flex,"));
		Path input = write("catalog.csv", String.join("\n", rows));

		CommandRun firstEstimate = estimate(Map.of(), input);

		assertThat(firstEstimate.exitCode()).as(firstEstimate.err()).isEqualTo(ExitCode.COMPLETED);
		assertThat(firstEstimate.out()).contains("8 to generate, 0 to reuse, 0 rejected")
			.contains("flux-2/flex-text-to-image 1K: 1 images, 45 credits")
			.contains("requests: 16")
			.contains("daily quota: unknown");
		assertThat(this.simulator.counters().apiRequests()).isZero();
		assertThat(run(input).exitCode()).isEqualTo(ExitCode.COMPLETED);
		assertThat(credits(firstEstimate)).isEqualTo(Long.parseLong(total().get("credits"))).isEqualTo(7 * 15 + 45);

		rows.set(4, rows.get(4).replace("number 4", "number four"));
		rows.set(5, rows.get(5).replace(",pro,1K,", ",flex,2K,"));
		write("catalog.csv", String.join("\n", rows));
		long generateRequests = this.simulator.counters().generateRequests();
		CommandRun secondEstimate = estimate(ENVIRONMENT, input, "--base-url", this.simulator.baseUrl());

		assertThat(secondEstimate.out()).contains("2 to generate, 6 to reuse, 0 rejected")
			.containsPattern("daily quota: \\d+ requests left \\(X-RateLimit-Remaining of one GET to the API\\): "
					+ "the run fits");
		assertThat(this.simulator.counters().generateRequests()).isEqualTo(generateRequests);
		assertThat(run(input).exitCode()).isEqualTo(ExitCode.COMPLETED);
		assertThat(credits(secondEstimate)).isEqualTo(Long.parseLong(total().get("credits"))).isEqualTo(15 + 75);
	}

	@Test
	void estimateStopsAtTheSameRowAsTheBudgetedRun() throws Exception {
		this.simulator = FluxSimulator.start(SimulatorSettings.defaults());
		Path input = write("catalog.csv", catalog(5));

		CommandRun estimate = estimate(Map.of(), input, "--max-credits", "40", "--quota-remaining", "3");

		assertThat(estimate.out()).contains("2 to generate")
			.contains("3 held back by the budget")
			.contains("stops at row 3")
			.contains("credits: 30")
			.contains("daily quota: 3 requests left (--quota-remaining): the run does NOT fit");
		assertThat(run(input, "--max-credits", "40").exitCode()).isEqualTo(ExitCode.STOPPED);
		assertThat(total()).containsEntry("credits", "30");
	}

	private CommandRun run(Path input, String... more) throws IOException {
		Path job = write("test-job.yml", """
				flux:
				  api:
				    requests-per-second: 500
				    retry:
				      max-attempts: 2
				      initial-backoff: 1ms
				      max-backoff: 2ms
				  job:
				    poll:
				      first-poll-after: 0ms
				""");
		List<String> args = new ArrayList<>(
				List.of("run", "--job", job.toString(), "--input", input.toString(), "--output", output().toString(),
						"--base-url", this.simulator.baseUrl(), "--db", this.dir.resolve("db").toString()));
		args.addAll(List.of(more));
		return CommandRun.of(ENVIRONMENT, args.toArray(String[]::new));
	}

	private CommandRun estimate(Map<String, String> environment, Path input, String... more) {
		List<String> args = new ArrayList<>(
				List.of("estimate", "--input", input.toString(), "--output", output().toString()));
		args.addAll(List.of(more));
		return CommandRun.of(environment, args.toArray(String[]::new));
	}

	private static long credits(CommandRun estimate) {
		Matcher credits = Pattern.compile("(?m)^credits: (\\d+)").matcher(estimate.out());
		assertThat(credits.find()).as(estimate.out()).isTrue();
		return Long.parseLong(credits.group(1));
	}

	private List<Map<String, String>> results() throws IOException {
		return CsvRows.read(output().resolve("results.csv"));
	}

	private Map<String, String> total() throws IOException {
		return CsvRows.read(output().resolve("totals.csv"))
			.stream()
			.filter((line) -> line.get("model").equals("TOTAL"))
			.findFirst()
			.orElseThrow();
	}

	private Path output() {
		return this.dir.resolve("out");
	}

	private Path write(String name, String content) throws IOException {
		return Files.writeString(this.dir.resolve(name), content);
	}

	/** Pro 1K rows; every third is image-to-image with one reference. */
	private static String catalog(int rows) {
		StringBuilder csv = new StringBuilder(HEADER);
		for (int i = 1; i <= rows; i++) {
			String urls = (i % 3 == 0) ? "https://img.example.com/ref-" + i + ".jpg" : "";
			csv.append("P-")
				.append(i)
				.append(",Product photo number ")
				.append(i)
				.append(" on a plain background,pro,1K,")
				.append(urls)
				.append(",\n");
		}
		return csv.toString();
	}

}
