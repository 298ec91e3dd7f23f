package io.fluxbatch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.fluxbatch.simulator.FluxSimulator;
import io.fluxbatch.simulator.ReceivedGeneration;
import io.fluxbatch.simulator.SimulatorSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The promises across runs, not only within one: a try-out never becomes the catalog,
 * tonight's sheet wins over an unfinished run's, and a night that can produce nothing
 * says so.
 */
@FullLane
class NightAfterNightTest {

	private static final Map<String, String> ENVIRONMENT = Map.of("VICSEE_API_KEY", "sk-test-key");

	private static final String HEADER = "sku,prompt\n";

	@TempDir
	Path dir;

	private FluxSimulator simulator;

	@BeforeEach
	void startSimulator() {
		this.simulator = FluxSimulator.start(SimulatorSettings.defaults());
	}

	@AfterEach
	void stopSimulator() {
		this.simulator.close();
	}

	@Test
	void aRealRunAfterASimulatedOneGeneratesEveryImage() throws Exception {
		Path input = write("catalog.csv", catalog(4));
		CommandRun tryOut = CommandRun.of(Map.of(), "run", "--job", job().toString(), "--input", input.toString(),
				"--output", output().toString(), "--simulate");
		assertThat(tryOut.exitCode()).as(tryOut.err()).isEqualTo(ExitCode.COMPLETED);

		CommandRun real = run(input);

		assertThat(real.exitCode()).as(real.err()).isEqualTo(ExitCode.COMPLETED);
		assertThat(this.simulator.generations()).hasSize(4);
		assertThat(results()).extracting((row) -> row.get("reused_from")).containsOnly("");
		assertThat(results()).extracting((row) -> row.get("task_id"))
			.containsExactlyInAnyOrderElementsOf(
					this.simulator.generations().stream().map(ReceivedGeneration::taskId).toList());

		CommandRun tryOutAgain = CommandRun.of(Map.of(), "run", "--job", job().toString(), "--input", input.toString(),
				"--output", output().toString(), "--simulate");
		assertThat(tryOutAgain.exitCode()).as(tryOutAgain.err()).isEqualTo(ExitCode.COMPLETED);
		assertThat(CommandRun.of(ENVIRONMENT, runArguments(input)).exitCode()).isEqualTo(ExitCode.COMPLETED);
		assertThat(this.simulator.generations()).as("the real images are reused, not the simulated ones").hasSize(4);
	}

	@Test
	void anEditedSheetAfterABudgetStopIsWhatTheNextCommandGenerates() throws Exception {
		List<String> rows = new ArrayList<>(catalog(5).lines().toList());
		Path input = write("catalog.csv", String.join("\n", rows) + "\n");
		CommandRun first = run(input, "--max-credits", "30");
		assertThat(first.exitCode()).as(first.err()).isEqualTo(ExitCode.STOPPED);
		assertThat(this.simulator.generations()).hasSize(2);

		// One prompt already paid for changes, one waiting changes, and a row is added.
		rows.set(1, rows.get(1).replace("number 1 ", "number 1 in red "));
		rows.set(4, rows.get(4).replace("number 4 ", "number 4 in blue "));
		rows.add("P-6,Product photo number 6 on a plain background");
		write("catalog.csv", String.join("\n", rows) + "\n");
		CommandRun second = run(input);

		assertThat(second.exitCode()).as(second.err()).isEqualTo(ExitCode.COMPLETED);
		List<Map<String, String>> results = results();
		assertThat(results).extracting((row) -> row.get("sku"))
			.containsExactly("P-1", "P-2", "P-3", "P-4", "P-5", "P-6");
		assertThat(results).extracting((row) -> row.get("status")).containsOnly("COMPLETED");
		List<String> sent = this.simulator.generations().stream().map(ReceivedGeneration::prompt).toList();
		assertThat(sent).doesNotHaveDuplicates()
			.hasSize(7)
			.contains("Product photo number 1 in red on a plain background",
					"Product photo number 4 in blue on a plain background",
					"Product photo number 6 on a plain background")
			.doesNotContain("Product photo number 4 on a plain background");
		assertThat(results.get(1)).containsEntry("credits", "0");
		assertThat(results.get(1).get("reused_from")).startsWith(".library/");
		assertThat(this.simulator.counters().creditsCharged()).isEqualTo(7 * 15);
	}

	@Test
	void startOverDropsTheUnfinishedRunAndGeneratesTheCurrentFile() throws Exception {
		Path input = write("catalog.csv", catalog(3));
		assertThat(run(input, "--max-credits", "15").exitCode()).isEqualTo(ExitCode.STOPPED);

		CommandRun again = run(input, "--start-over");

		assertThat(again.exitCode()).as(again.err()).isEqualTo(ExitCode.COMPLETED);
		assertThat(this.simulator.generations()).extracting(ReceivedGeneration::prompt)
			.hasSize(3)
			.doesNotHaveDuplicates();
		assertThat(results()).extracting((row) -> row.get("status")).containsOnly("COMPLETED");
	}

	@Test
	void rowsAskingForTheSameImageArePaidOnceAndGetTheImageOfTheFirst() throws Exception {
		Path input = write("catalog.csv", catalog(3) + "P-1-again,Product photo number 1 on a plain background\n"
				+ "P-2-again,Product photo number 2 on a plain background\n");

		CommandRun estimate = CommandRun.of(Map.of(), "estimate", "--input", input.toString(), "--output",
				output().toString(), "--quota-remaining", "100");
		CommandRun run = run(input);

		assertThat(estimate.out()).contains("3 to generate, 2 to reuse").contains("credits: 45");
		assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.COMPLETED);
		assertThat(this.simulator.generations()).hasSize(3);
		List<Map<String, String>> results = results();
		assertThat(results).extracting((row) -> row.get("status")).containsOnly("COMPLETED");
		assertThat(results.subList(3, 5)).extracting((row) -> row.get("reused_from") + " " + row.get("credits"))
			.containsExactly("row 1 0", "row 2 0");
		assertThat(results.get(3).get("sha256")).isEqualTo(results.get(0).get("sha256"));
		assertThat(results.get(3).get("file")).isEqualTo("images/P-1-again.png");
		RunChecks.assertImagesVerified(output(), results);
		assertThat(this.simulator.counters().creditsCharged()).isEqualTo(45);
	}

	@Test
	void aPossibleDoubleChargeStaysOnRecordAfterTheNextRun() throws Exception {
		this.simulator.close();
		this.simulator = FluxSimulator.start(SimulatorSettings.defaults().withLostResponseRate(0.4).withRandomSeed(7));
		Path input = write("catalog.csv", catalog(8));
		assertThat(withRetries(input).exitCode()).isEqualTo(ExitCode.COMPLETED);
		Map<String, String> flagged = totals().get("POSSIBLE_DUPLICATES");
		assertThat(Long.parseLong(flagged.get("images"))).isPositive();

		CommandRun next = withRetries(input);

		assertThat(next.exitCode()).as(next.err()).isEqualTo(ExitCode.COMPLETED);
		assertThat(totals().get("POSSIBLE_DUPLICATES_IN_FOLDER")).containsEntry("images", flagged.get("images"))
			.containsEntry("credits", flagged.get("credits"));
		assertThat(totals().get("THIS_COMMAND")).containsEntry("credits", "0");
		List<Map<String, String>> ledger = CsvRows.read(output().resolve("spend.csv"));
		assertThat(ledger).extracting((line) -> line.get("credits")).containsExactly("120", "0");
		assertThat(ledger.get(0)).containsEntry("possible_duplicates", flagged.get("images"));
	}

	@Test
	void reportsThatCannotBeWrittenFailTheRunAndTheSameCommandWritesThem() throws Exception {
		Path input = write("catalog.csv", catalog(3));
		Files.createDirectories(output().resolve("results.csv/in-the-way"));

		CommandRun blocked = run(input);

		assertThat(blocked.exitCode()).isEqualTo(ExitCode.FAILED);
		assertThat(blocked.err()).contains("could not write the reports");
		Files.delete(output().resolve("results.csv/in-the-way"));
		Files.delete(output().resolve("results.csv"));
		CommandRun rerun = run(input);
		assertThat(rerun.exitCode()).as(rerun.err()).isEqualTo(ExitCode.COMPLETED);
		assertThat(results()).extracting((row) -> row.get("status")).containsOnly("COMPLETED").hasSize(3);
		assertThat(this.simulator.generations()).hasSize(3);
	}

	@Test
	void anOutputFolderBelongsToOneInputAndNoRunOverwritesTheFileItReads() throws Exception {
		Path first = write("first.csv", catalog(2));
		Path second = write("second.csv", "sku,prompt\nQ-1,Another catalog entirely\n");
		assertThat(run(first).exitCode()).isEqualTo(ExitCode.COMPLETED);
		String results = Files.readString(output().resolve("results.csv"));
		Path rejects = output().resolve("rejects.csv");
		String rejectsBefore = Files.readString(rejects);

		CommandRun other = run(second);
		CommandRun fedBack = run(rejects);

		assertThat(other.exitCode()).isEqualTo(ExitCode.USAGE);
		assertThat(other.err()).contains("holds the results of another input").contains("first.csv");
		assertThat(fedBack.exitCode()).isEqualTo(ExitCode.USAGE);
		assertThat(fedBack.err()).contains("is a file the run writes");
		assertThat(Files.readString(output().resolve("results.csv"))).isEqualTo(results);
		assertThat(Files.readString(rejects)).isEqualTo(rejectsBefore);
		assertThat(this.simulator.generations()).hasSize(2);
	}

	@Test
	void anInvalidJobWideDefaultIsAUsageErrorAndNothingIsSent() throws Exception {
		Path input = write("catalog.csv", catalog(3));

		CommandRun model = run(input, "--model", "prp");
		CommandRun ratio = run(input, "--aspect-ratio", "5:4");
		CommandRun estimate = CommandRun.of(Map.of(), "estimate", "--input", input.toString(), "--output",
				output().toString(), "--model", "prp");

		assertThat(model.exitCode()).isEqualTo(ExitCode.USAGE);
		assertThat(model.err()).contains("invalid job-wide default").contains("prp");
		assertThat(ratio.exitCode()).isEqualTo(ExitCode.USAGE);
		assertThat(ratio.err()).contains("5:4");
		assertThat(estimate.exitCode()).isEqualTo(ExitCode.USAGE);
		assertThat(this.simulator.counters().apiRequests()).isZero();
	}

	@Test
	void aRunWhoseEveryRowIsRejectedExitsTwoWithTheMostCommonReason() throws Exception {
		Path input = write("catalog.csv",
				"sku,prompt,aspect_ratio\nA,Product photo A,5:4\nB,Product photo B,5:4\n" + "C,Product photo C,7:1\n");

		CommandRun run = run(input);

		assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.USAGE);
		assertThat(run.err()).contains("every row was rejected").contains("2 rows: ").contains("5:4");
		assertThat(this.simulator.counters().apiRequests()).isZero();
		assertThat(CsvRows.read(output().resolve("rejects.csv"))).hasSize(3);
	}

	private CommandRun run(Path input, String... more) throws IOException {
		List<String> args = new ArrayList<>(List.of(runArguments(input)));
		args.addAll(List.of(more));
		return CommandRun.of(ENVIRONMENT, args.toArray(String[]::new));
	}

	private String[] runArguments(Path input) throws IOException {
		return new String[] { "run", "--job", job().toString(), "--input", input.toString(), "--output",
				output().toString(), "--base-url", this.simulator.baseUrl() };
	}

	private Path job() throws IOException {
		return write("test-job.yml", """
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
				  simulator:
				    pro-latency: 10ms
				    flex-latency: 10ms
				""");
	}

	private CommandRun withRetries(Path input) throws IOException {
		Path job = write("retries.yml", """
				flux:
				  api:
				    requests-per-second: 500
				    retry:
				      max-attempts: 6
				      initial-backoff: 1ms
				      max-backoff: 2ms
				  job:
				    poll:
				      first-poll-after: 0ms
				""");
		return CommandRun.of(ENVIRONMENT, "run", "--job", job.toString(), "--input", input.toString(), "--output",
				output().toString(), "--base-url", this.simulator.baseUrl());
	}

	private Map<String, Map<String, String>> totals() throws IOException {
		Map<String, Map<String, String>> lines = new java.util.HashMap<>();
		CsvRows.read(output().resolve("totals.csv")).forEach((line) -> lines.put(line.get("model"), line));
		return lines;
	}

	private List<Map<String, String>> results() throws IOException {
		return CsvRows.read(output().resolve("results.csv"));
	}

	private Path output() {
		return this.dir.resolve("out");
	}

	private Path write(String name, String content) throws IOException {
		return Files.writeString(this.dir.resolve(name), content);
	}

	private static String catalog(int rows) {
		StringBuilder csv = new StringBuilder(HEADER);
		for (int i = 1; i <= rows; i++) {
			csv.append("P-").append(i).append(",Product photo number ").append(i).append(" on a plain background\n");
		}
		return csv.toString();
	}

}
