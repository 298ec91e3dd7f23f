package io.fluxbatch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.fluxbatch.simulator.FluxSimulator;
import io.fluxbatch.simulator.ReceivedGeneration;
import io.fluxbatch.simulator.SimulatorSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run's state lives with its output folder, not with the directory a command happens to
 * be started in: commands in JVMs of their own, each in a working directory of its own.
 */
@FullLane
class WorkingDirectoryTest {

	private static final int ROWS = 20;

	/** Enough rows at 5 a second that a SIGTERM after 5 submissions stops the run. */
	private static final int LEDGER_ROWS = 40;

	@TempDir
	Path dir;

	@Test
	void theSameCommandFromAnotherWorkingDirectoryContinuesTheRunWithoutPayingAgain() throws Exception {
		try (FluxSimulator simulator = FluxSimulator
			.start(SimulatorSettings.defaults().withLatency(Duration.ofMillis(300), Duration.ofMillis(300)))) {
			CountDownLatch someSubmitted = new CountDownLatch(5);
			simulator.setRequestListener((kind) -> {
				if (kind.equals("generate")) {
					someSubmitted.countDown();
				}
			});
			StringBuilder csv = new StringBuilder("prompt\n");
			for (int i = 1; i <= ROWS; i++) {
				csv.append("A poster of the number ").append(i).append('\n');
			}
			Path input = Files.writeString(this.dir.resolve("in.csv"), csv);
			Path job = Files.writeString(this.dir.resolve("job.yml"), "flux.api.requests-per-second: 10\n");
			String[] command = { "run", "--job", job.toString(), "--input", input.toString(), "--output",
					this.dir.resolve("out").toString(), "--base-url", simulator.baseUrl() };
			Path first = Files.createDirectories(this.dir.resolve("first"));
			Process stopped = JobProcess.startIn(first, this.dir.resolve("stopped"), command);
			assertThat(someSubmitted.await(2, TimeUnit.MINUTES)).isTrue();
			stopped.destroy();
			assertThat(stopped.waitFor(2, TimeUnit.MINUTES)).isTrue();
			assertThat(stopped.exitValue()).isEqualTo(ExitCode.STOPPED);

			Path second = Files.createDirectories(this.dir.resolve("second"));
			Process rerun = JobProcess.startIn(second, this.dir.resolve("rerun"), command);

			assertThat(rerun.waitFor(2, TimeUnit.MINUTES)).isTrue();
			assertThat(rerun.exitValue()).as(Files.readString(this.dir.resolve("rerun.err")))
				.isEqualTo(ExitCode.COMPLETED);
			assertThat(simulator.generations()).extracting(ReceivedGeneration::prompt)
				.hasSize(ROWS)
				.doesNotHaveDuplicates();
			List<Map<String, String>> results = CsvRows.read(this.dir.resolve("out/results.csv"));
			RunChecks.assertEveryRowFinal(results, ROWS);
			assertThat(Files.exists(this.dir.resolve("out/.flux-batch/flux-batch.mv.db"))).isTrue();
			assertThat(first.resolve(".flux-batch")).doesNotExist();
			assertThat(second.resolve(".flux-batch")).doesNotExist();
		}
	}

	@Test
	void theShippedNightlyJobRunsFromAFreshCloneAsShipped() throws Exception {
		Path clone = this.dir.resolve("clone");
		Files.createDirectories(clone.resolve("jobs"));
		Files.createDirectories(clone.resolve("samples"));
		Files.copy(Path.of("jobs/nightly-catalog.yml"), clone.resolve("jobs/nightly-catalog.yml"));
		Files.copy(Path.of("samples/catalog.csv"), clone.resolve("samples/catalog.csv"));

		Process night = JobProcess.startIn(clone, this.dir.resolve("night"), "run", "--job", "jobs/nightly-catalog.yml",
				"--simulate");

		assertThat(night.waitFor(3, TimeUnit.MINUTES)).isTrue();
		assertThat(night.exitValue()).as(Files.readString(this.dir.resolve("night.err"))).isEqualTo(ExitCode.COMPLETED);
		assertThat(CsvRows.read(clone.resolve("out/nightly/results.csv"))).hasSize(29);
		assertThat(clone.resolve("out/nightly/.flux-batch/flux-batch.mv.db")).exists();
	}

	@Test
	void estimateSeesTheSettingsOfTheEnvironmentAsTheRunDoesAndPrintsOnlyItsOwnOutput() throws Exception {
		try (FluxSimulator simulator = FluxSimulator.start(SimulatorSettings.defaults().withDailyQuota(1_000))) {
			Path input = Files.writeString(this.dir.resolve("in.csv"),
					"prompt\nA poster of one\nA poster of two\nA poster of three\n");
			Map<String, String> environment = Map.of("FLUX_JOB_MODEL", "flex", "FLUX_JOB_MAXCREDITS", "90",
					"FLUX_API_BASEURL", simulator.baseUrl(), "FLUX_JOB_INPUT", input.toString(), "FLUX_JOB_OUTPUT",
					this.dir.resolve("out").toString());

			Process estimate = JobProcess.startIn(this.dir, environment, this.dir.resolve("estimate"), "estimate");
			assertThat(estimate.waitFor(2, TimeUnit.MINUTES)).isTrue();
			Process run = JobProcess.startIn(this.dir, environment, this.dir.resolve("run"), "run");
			assertThat(run.waitFor(2, TimeUnit.MINUTES)).isTrue();

			List<String> printed = Files.readAllLines(this.dir.resolve("estimate.out"));
			assertThat(printed.get(0)).as("stdout holds only the estimate").startsWith(input.toString() + ": 3 rows");
			assertThat(printed).contains("credits: 90", "  flux-2/flex-text-to-image 1K: 2 images, 90 credits")
				.anySatisfy((line) -> assertThat(line).contains("X-RateLimit-Remaining of one GET to the API"));
			assertThat(run.exitValue()).isEqualTo(ExitCode.STOPPED);
			assertThat(simulator.generations()).extracting(ReceivedGeneration::model)
				.containsOnly("flux-2/flex-text-to-image")
				.hasSize(2);
			assertThat(simulator.counters().creditsCharged()).isEqualTo(90);
		}
	}

	@Test
	void theLedgerOfThreeCommandsStoppedBySigtermThenByTheBudgetAddsUpToWhatWasCharged() throws Exception {
		try (FluxSimulator simulator = FluxSimulator
			.start(SimulatorSettings.defaults().withLatency(Duration.ofMillis(300), Duration.ofMillis(300)))) {
			CountDownLatch someSubmitted = new CountDownLatch(5);
			simulator.setRequestListener((kind) -> {
				if (kind.equals("generate")) {
					someSubmitted.countDown();
				}
			});
			StringBuilder csv = new StringBuilder("prompt\n");
			for (int i = 1; i <= LEDGER_ROWS; i++) {
				csv.append("A poster of the number ").append(i).append('\n');
			}
			Path input = Files.writeString(this.dir.resolve("in.csv"), csv);
			Path job = Files.writeString(this.dir.resolve("job.yml"), "flux.api.requests-per-second: 5\n");
			String[] command = { "run", "--job", job.toString(), "--input", input.toString(), "--output",
					this.dir.resolve("out").toString(), "--base-url", simulator.baseUrl() };
			Process first = JobProcess.start(this.dir.resolve("first"), command);
			assertThat(someSubmitted.await(2, TimeUnit.MINUTES)).isTrue();
			first.destroy();
			assertThat(first.waitFor(2, TimeUnit.MINUTES)).isTrue();
			assertThat(first.exitValue()).isEqualTo(ExitCode.STOPPED);
			Map<String, String> environment = Map.of("VICSEE_API_KEY", "sk-test-key");
			List<String> budgeted = new java.util.ArrayList<>(List.of(command));
			budgeted.addAll(List.of("--max-credits", "45"));

			CommandRun second = CommandRun.of(environment, budgeted.toArray(String[]::new));
			CommandRun third = CommandRun.of(environment, command);

			assertThat(second.exitCode()).as(second.err()).isEqualTo(ExitCode.STOPPED);
			assertThat(third.exitCode()).as(third.err()).isEqualTo(ExitCode.COMPLETED);
			List<Map<String, String>> ledger = CsvRows.read(this.dir.resolve("out/spend.csv"));
			assertThat(ledger).hasSize(3);
			assertThat(ledger.stream().mapToLong((line) -> Long.parseLong(line.get("credits"))).sum())
				.isEqualTo(simulator.counters().creditsCharged())
				.isEqualTo(LEDGER_ROWS * 15);
			assertThat(simulator.generations()).hasSize(LEDGER_ROWS);
		}
	}

}
