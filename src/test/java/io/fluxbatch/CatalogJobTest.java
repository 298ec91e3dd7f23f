package io.fluxbatch;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import io.fluxbatch.simulator.FluxSimulator;
import io.fluxbatch.simulator.ReceivedGeneration;
import io.fluxbatch.simulator.ResponseShape;
import io.fluxbatch.simulator.SimulatorSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog job end to end, as a user runs it: the command line, a real H2 file, real
 * files, and the simulator over real HTTP.
 */
@FullLane
class CatalogJobTest {

	private static final Map<String, String> ENVIRONMENT = Map.of("VICSEE_API_KEY", "sk-test-key");

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
	void aWholeRunWritesEveryRowItsImageAndTheCreditsTheApiCharged() throws Exception {
		this.simulator = FluxSimulator.start(SimulatorSettings.defaults().withShape(ResponseShape.ENVELOPE));
		Path input = write("catalog.csv",
				"""
						SKU,Prompt,Model,Resolution,Aspect Ratio,Input URLs,category
						W-1,A steel watch on white marble,pro,2K,16:9,,Watches
						W-2,A gold watch on black velvet,flex,1K,1:1,,Watches
						B-1,The bag from the photos on a café terrace,pro,1K,3:4,https://img.example.com/b1.jpg|https://img.example.com/b2.jpg,Bags
						S-1,ok,pro,1K,1:1,,Shoes
						S-2,White sneakers on pastel blue,pro,1K,5:4,,Shoes
						W-1,A second row with the key of the first,pro,1K,1:1,,Watches
						L-1,A brass lamp in a dark study,,,,,Home
						""");

		CommandRun run = run(input);

		assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.COMPLETED);
		List<Map<String, String>> results = CsvRows.read(output().resolve("results.csv"));
		assertThat(results).extracting((row) -> row.get("row") + " " + row.get("SKU") + " " + row.get("status"))
			.containsExactly("1 W-1 COMPLETED", "2 W-2 COMPLETED", "3 B-1 COMPLETED", "4 S-1 REJECTED",
					"5 S-2 REJECTED", "6 W-1 REJECTED", "7 L-1 COMPLETED");
		assertThat(results).extracting((row) -> row.get("Model"))
			.containsExactly("flux-2/pro-text-to-image", "flux-2/flex-text-to-image", "flux-2/pro-image-to-image",
					"pro", "pro", "flux-2/pro-text-to-image", "flux-2/pro-text-to-image");
		assertThat(results.get(3).get("error")).contains("prompt").contains("3");
		assertThat(results.get(4).get("error")).contains("5:4");
		assertThat(results.get(5).get("error")).isEqualTo("key 'W-1' is already used by row 1");
		assertThat(results).extracting((row) -> row.get("category"))
			.containsExactly("Watches", "Watches", "Bags", "Shoes", "Shoes", "Watches", "Home");

		Map<String, ReceivedGeneration> received = this.simulator.generations()
			.stream()
			.collect(Collectors.toMap(ReceivedGeneration::taskId, (generation) -> generation));
		assertThat(received).hasSize(4);
		for (Map<String, String> row : results.stream().filter((r) -> r.get("status").equals("COMPLETED")).toList()) {
			ReceivedGeneration generation = received.get(row.get("task_id"));
			assertThat(generation.model()).isEqualTo(row.get("Model"));
			assertThat(generation.resolution()).isEqualTo(row.get("Resolution"));
			Path file = output().resolve(row.get("file"));
			assertThat(row.get("file")).isEqualTo("images/" + row.get("key") + ".png");
			BufferedImage image = ImageIO.read(file.toFile());
			assertThat(image.getWidth()).isEqualTo(Integer.parseInt(row.get("width")));
			assertThat(image.getHeight()).isEqualTo(Integer.parseInt(row.get("height")));
			assertThat(Files.size(file)).isEqualTo(Long.parseLong(row.get("bytes")));
			assertThat(sha256(file)).isEqualTo(row.get("sha256"));
			assertThat(row.get("attempts")).isEqualTo("1");
		}
		assertThat(results.get(0)).containsEntry("width", "2048").containsEntry("height", "1152");
		assertThat(results.get(6)).containsEntry("Resolution", "1K").containsEntry("Aspect Ratio", "1:1");
		assertThat(results).extracting((row) -> row.get("credits")).containsExactly("20", "45", "15", "", "", "", "15");
		assertThat(received.get(results.get(2).get("task_id")).inputUrls())
			.containsExactly("https://img.example.com/b1.jpg", "https://img.example.com/b2.jpg");

		List<Map<String, String>> totals = CsvRows.read(output().resolve("totals.csv"));
		assertThat(totals).extracting((row) -> String.join(" ", row.values()))
			.startsWith("flux-2/flex-text-to-image 1K 1 45 0 0 0", "flux-2/pro-image-to-image 1K 1 15 0 0 0",
					"flux-2/pro-text-to-image 1K 1 15 0 0 0", "flux-2/pro-text-to-image 2K 1 20 0 0 0",
					"TOTAL  4 95 0 0 0", "POSSIBLE_DUPLICATES  0 0 0 0 0");
		// The envelope reports the balance after each submission; the last one read is
		// the account's balance once the four were reserved, whichever answered last.
		assertThat(totals.get(totals.size() - 1)).containsEntry("model", "ACCOUNT_BALANCE");
		assertThat(Long.parseLong(totals.get(totals.size() - 1).get("credits"))).isBetween(1_000_000L - 95,
				1_000_000L - 15);
		assertThat(this.simulator.counters().creditsCharged()).isEqualTo(95);
		assertThat(this.simulator.counters().cdnRequestsWithAuthorization()).isZero();

		List<Map<String, String>> rejects = CsvRows.read(output().resolve("rejects.csv"));
		assertThat(CsvRows.header(output().resolve("rejects.csv"))).containsExactly("SKU", "Prompt", "Model",
				"Resolution", "Aspect Ratio", "Input URLs", "category", "line", "reason");
		assertThat(rejects).extracting((row) -> row.get("line") + " " + row.get("SKU") + " " + row.get("Prompt"))
			.containsExactly("5 S-1 ok", "6 S-2 White sneakers on pastel blue",
					"7 W-1 A second row with the key of the first");
	}

	@Test
	void aRunThatFailsWhenTheApiGoesDownIsFinishedByTheSameCommandWithoutSubmittingAnyRowTwice() throws Exception {
		this.simulator = FluxSimulator.start(SimulatorSettings.defaults());
		Path input = write("catalog.csv", prompts(12));
		this.simulator.goDownAfterTasks(5);

		CommandRun failed = run(input);

		assertThat(failed.exitCode()).as(failed.err()).isEqualTo(ExitCode.FAILED);
		assertThat(failed.err()).contains("SERVICE_UNAVAILABLE").contains("the same command continues the run");
		// Requests already past the simulator's door when it went down may still create a
		// task.
		assertThat(this.simulator.generations()).hasSizeBetween(5, 5 + 8);
		assertThat(CsvRows.read(output().resolve("results.csv")))
			.filteredOn((row) -> row.get("status").equals("PENDING"))
			.isNotEmpty();

		this.simulator.setDown(false);
		CommandRun rerun = run(input);

		assertThat(rerun.exitCode()).as(rerun.err()).isEqualTo(ExitCode.COMPLETED);
		assertThat(CsvRows.read(output().resolve("results.csv"))).hasSize(12)
			.allSatisfy((row) -> assertThat(row.get("status")).isEqualTo("COMPLETED"))
			.allSatisfy((row) -> assertThat(row.get("duplicate_risk")).isEmpty());
		assertThat(this.simulator.generations()).extracting(ReceivedGeneration::prompt)
			.hasSize(12)
			.doesNotHaveDuplicates();
	}

	@Test
	void runningOutOfCreditsStopsTheRunAndATopUpLetsTheSameCommandFinishIt() throws Exception {
		this.simulator = FluxSimulator.start(SimulatorSettings.defaults().withCredits(5 * 15));
		Path input = write("catalog.csv", prompts(8));

		CommandRun stopped = run(input);

		assertThat(stopped.exitCode()).as(stopped.err()).isEqualTo(ExitCode.STOPPED);
		assertThat(stopped.err()).contains("out of credits").contains("top up");
		assertThat(CsvRows.read(output().resolve("results.csv"))).extracting((row) -> row.get("status"))
			.containsOnly("COMPLETED", "PENDING")
			.filteredOn("COMPLETED"::equals)
			.hasSize(5);

		this.simulator.addCredits(1_000);
		CommandRun rerun = run(input);

		assertThat(rerun.exitCode()).as(rerun.err()).isEqualTo(ExitCode.COMPLETED);
		assertThat(CsvRows.read(output().resolve("results.csv"))).extracting((row) -> row.get("status"))
			.containsOnly("COMPLETED")
			.hasSize(8);
		assertThat(this.simulator.generations()).extracting(ReceivedGeneration::prompt)
			.hasSize(8)
			.doesNotHaveDuplicates();
		assertThat(CsvRows.read(output().resolve("totals.csv"))).filteredOn((line) -> line.get("model").equals("TOTAL"))
			.singleElement()
			.satisfies((total) -> assertThat(total).containsEntry("credits", "120"));
		assertThat(this.simulator.counters().creditsCharged()).isEqualTo(120);
	}

	@Test
	void theSameCommandAfterACompletedRunPaysOnlyForTheRowsThatChanged() throws Exception {
		this.simulator = FluxSimulator.start(SimulatorSettings.defaults());
		Path input = write("catalog.csv", prompts(2));
		assertThat(run(input).exitCode()).isEqualTo(ExitCode.COMPLETED);

		CommandRun unchanged = run(input);

		assertThat(unchanged.exitCode()).isEqualTo(ExitCode.COMPLETED);
		assertThat(this.simulator.generations()).hasSize(2);

		write("catalog.csv", prompts(3));
		CommandRun changed = run(input);

		assertThat(changed.exitCode()).isEqualTo(ExitCode.COMPLETED);
		assertThat(this.simulator.generations()).hasSize(2 + 1);
		assertThat(CsvRows.read(output().resolve("results.csv"))).extracting((row) -> row.get("reused_from").isEmpty())
			.containsExactly(false, false, true);
	}

	@Test
	void aStoredImageThatWentMissingBeforeTheRerunIsDownloadedAgainNotGeneratedAgain() throws Exception {
		this.simulator = FluxSimulator.start(SimulatorSettings.defaults().withCredits(3 * 15));
		Path input = write("catalog.csv", prompts(6));
		assertThat(run(input).exitCode()).isEqualTo(ExitCode.STOPPED);
		List<Map<String, String>> stored = CsvRows.read(output().resolve("results.csv"))
			.stream()
			.filter((row) -> row.get("status").equals("COMPLETED"))
			.toList();
		assertThat(stored).hasSize(3);
		Files.delete(output().resolve(stored.get(0).get("file")));
		Files.write(output().resolve(stored.get(stored.size() - 1).get("file")), new byte[] { 1, 2, 3 });

		this.simulator.addCredits(1_000);
		CommandRun rerun = run(input);

		assertThat(rerun.exitCode()).as(rerun.err()).isEqualTo(ExitCode.COMPLETED);
		assertThat(this.simulator.generations()).extracting(ReceivedGeneration::prompt)
			.hasSize(6)
			.doesNotHaveDuplicates();
		for (Map<String, String> row : CsvRows.read(output().resolve("results.csv"))) {
			assertThat(sha256(output().resolve(row.get("file")))).isEqualTo(row.get("sha256"));
		}
	}

	@Test
	void tasksStillRunningWhenEveryPendingTaskHasBeenPolledOnceArePolledAgainInTheSameRun() throws Exception {
		this.simulator = FluxSimulator.start(SimulatorSettings.defaults()
			.withLatency(Duration.ofMillis(60), Duration.ofMillis(90))
			.withLatencyJitter(0.5)
			.withTinyImages(true));
		Path input = write("catalog.csv", prompts(30));

		CommandRun run = run(input);

		assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.COMPLETED);
		assertThat(CsvRows.read(output().resolve("results.csv"))).extracting((row) -> row.get("status"))
			.hasSize(30)
			.containsOnly("COMPLETED");
		assertThat(this.simulator.generations()).hasSize(30);
	}

	private CommandRun run(Path input) throws IOException {
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
		return CommandRun.of(ENVIRONMENT, "run", "--job", job.toString(), "--input", input.toString(), "--output",
				output().toString(), "--base-url", this.simulator.baseUrl(), "--db", this.dir.resolve("db").toString());
	}

	private Path output() {
		return this.dir.resolve("out");
	}

	private Path write(String name, String content) throws IOException {
		return Files.writeString(this.dir.resolve(name), content);
	}

	private static String prompts(int rows) {
		StringBuilder csv = new StringBuilder("id,prompt\n");
		for (int i = 1; i <= rows; i++) {
			csv.append("P-").append(i).append(",Product photo number ").append(i).append(" on a plain background\n");
		}
		return csv.toString();
	}

	private static String sha256(Path file) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
	}

}
