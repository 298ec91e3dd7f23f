package io.fluxbatch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.fluxbatch.simulator.FluxSimulator;
import io.fluxbatch.simulator.SimulatorSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job database keeps a catalog's newest {@code flux.job.keep-runs} runs: older
 * finished ones are deleted at the end of each run, and a run that may still be
 * continued, or whose tasks an unfinished run takes over, never is.
 */
@FullLane
class KeepRunsTest {

	private static final Map<String, String> ENVIRONMENT = Map.of("VICSEE_API_KEY", "sk-test-key");

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
	void fourNightsKeepExactlyTheNewestTwoRunsAndTheNextRunCountsOn() throws Exception {
		Path input = Files.writeString(this.dir.resolve("catalog.csv"), catalog(3, ""));
		for (int night = 1; night <= 4; night++) {
			CommandRun run = run(input, 2);
			assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.COMPLETED);
		}

		assertThat(query("SELECT DISTINCT PARAMETER_VALUE FROM BATCH_JOB_EXECUTION_PARAMS WHERE PARAMETER_NAME = 'run' "
				+ "ORDER BY PARAMETER_VALUE"))
			.containsExactly("3", "4");
		assertThat(query("SELECT COUNT(DISTINCT JOB_INSTANCE_ID) FROM FLUX_ROW")).containsExactly("2");
		assertThat(query("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE")).containsExactly("2");
		assertThat(CsvRows.read(output().resolve("spend.csv"))).as("the permanent record keeps every night").hasSize(4);

		CommandRun fifth = run(input, 2);
		assertThat(fifth.exitCode()).as(fifth.err()).isEqualTo(ExitCode.COMPLETED);
		assertThat(query("SELECT DISTINCT PARAMETER_VALUE FROM BATCH_JOB_EXECUTION_PARAMS WHERE PARAMETER_NAME = 'run' "
				+ "ORDER BY PARAMETER_VALUE"))
			.containsExactly("4", "5");
		assertThat(this.simulator.generations()).as("each image paid once, on the first night").hasSize(3);
	}

	@Test
	void aRunWhoseTasksAnUnfinishedRunTakesOverIsKeptUntilThatOneIsOver() throws Exception {
		Path input = Files.writeString(this.dir.resolve("catalog.csv"), catalog(5, ""));
		assertThat(run(input, 1, "--max-credits", "30").exitCode()).isEqualTo(ExitCode.STOPPED);
		// Tonight's sheet differs: run 1 is dropped, and run 2 takes over its tasks.
		Files.writeString(input, catalog(5, " in red"));
		CommandRun second = run(input, 1, "--max-credits", "30");
		assertThat(second.exitCode()).as(second.err()).isEqualTo(ExitCode.STOPPED);

		assertThat(query("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE")).as("run 1, taken over by unfinished run 2")
			.containsExactly("2");

		CommandRun third = run(input, 1);
		assertThat(third.exitCode()).as(third.err()).isEqualTo(ExitCode.COMPLETED);
		assertThat(query("SELECT DISTINCT PARAMETER_VALUE FROM BATCH_JOB_EXECUTION_PARAMS WHERE PARAMETER_NAME = 'run' "
				+ "ORDER BY PARAMETER_VALUE"))
			.containsExactly("2");
	}

	@Test
	void pruneKeepsTheNewestRunsItIsToldAndTheNextNightStillPaysNothing() throws Exception {
		Path input = Files.writeString(this.dir.resolve("catalog.csv"), catalog(3, ""));
		for (int night = 1; night <= 3; night++) {
			assertThat(run(input, 30).exitCode()).isEqualTo(ExitCode.COMPLETED);
		}

		CommandRun prune = CommandRun.of(Map.of(), "prune", "--output", output().toString(), "--keep-runs", "1");

		assertThat(prune.exitCode()).as(prune.err()).isEqualTo(ExitCode.COMPLETED);
		assertThat(prune.out()).contains("deleted runs [1, 2]: the job database keeps 1 run of ");
		assertThat(query("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE")).containsExactly("1");
		CommandRun fourth = run(input, 30);
		assertThat(fourth.exitCode()).as(fourth.err()).isEqualTo(ExitCode.COMPLETED);
		assertThat(query("SELECT DISTINCT PARAMETER_VALUE FROM BATCH_JOB_EXECUTION_PARAMS WHERE PARAMETER_NAME = 'run' "
				+ "ORDER BY PARAMETER_VALUE"))
			.containsExactly("3", "4");
		assertThat(this.simulator.generations()).as("each image paid once, on the first night").hasSize(3);
	}

	@Test
	void pruneWhereNoRunHasBeenSaysSoInOneLineAndCreatesNothing() {
		CommandRun prune = CommandRun.of(Map.of(), "prune", "--output", output().toString());

		assertThat(prune.exitCode()).isEqualTo(ExitCode.USAGE);
		assertThat(prune.err().lines()).first().asString().startsWith("flux-batch: no job database in ");
		assertThat(prune.err()).doesNotContain("Exception");
		assertThat(output()).doesNotExist();
	}

	private CommandRun run(Path input, int keepRuns, String... more) throws IOException {
		Path job = Files.writeString(this.dir.resolve("job.yml"), """
				flux:
				  api:
				    requests-per-second: 500
				  job:
				    keep-runs: %d
				    poll:
				      first-poll-after: 0ms
				""".formatted(keepRuns));
		List<String> args = new ArrayList<>(List.of("run", "--job", job.toString(), "--input", input.toString(),
				"--output", output().toString(), "--base-url", this.simulator.baseUrl()));
		args.addAll(List.of(more));
		return CommandRun.of(ENVIRONMENT, args.toArray(String[]::new));
	}

	private List<String> query(String sql) throws SQLException {
		return FolderDatabase.query(output().resolve(JobDatabase.FOLDER), sql);
	}

	private Path output() {
		return this.dir.resolve("out");
	}

	private static String catalog(int rows, String colour) {
		StringBuilder csv = new StringBuilder("sku,prompt\n");
		for (int i = 1; i <= rows; i++) {
			csv.append("P-").append(i).append(",Product photo number ").append(i).append(colour).append(" on white\n");
		}
		return csv.toString();
	}

}
