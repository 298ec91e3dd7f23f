package io.fluxbatch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.fluxbatch.simulator.FluxSimulator;
import io.fluxbatch.simulator.SimulatorSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job repository and the row table in PostgreSQL, as a team sharing one database runs
 * them: a whole job, a restart after SIGKILL, a SIGTERM during a chunk, and a database
 * that is not flux-batch's refused in one line.
 */
@FullLane
class PostgresJobDatabaseTest {

	private static final Map<String, String> KEY = Map.of("VICSEE_API_KEY", "sk-test-key");

	@TempDir
	Path dir;

	private PostgresDatabase database;

	@BeforeEach
	void createDatabase() {
		this.database = PostgresDatabase.create();
	}

	@AfterEach
	void dropDatabase() throws Exception {
		if (this.database != null) {
			this.database.close();
		}
	}

	@Test
	void aWholeJobKeepsItsRunAndItsRowsInPostgres() throws Exception {
		Path input = Files.writeString(this.dir.resolve("in.csv"),
				"sku,prompt\nA,A lighthouse\nB,A harbour\n" + "C,A red fox\n");
		Path job = Files.writeString(this.dir.resolve("job.yml"), this.database.jobFileLines());

		CommandRun run = CommandRun.of(KEY, command(job, input, "--simulate"));

		assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.COMPLETED);
		List<Map<String, String>> results = CsvRows.read(this.dir.resolve("out/results.csv"));
		RunChecks.assertEveryRowFinal(results, 3);
		RunChecks.assertImagesVerified(this.dir.resolve("out"), results);
		assertThat(this.database.queryLong("SELECT COUNT(*) FROM FLUX_ROW WHERE STATUS = 'DOWNLOADED'")).isEqualTo(3);
		assertThat(this.database.queryLong("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE STATUS = 'COMPLETED'"))
			.isEqualTo(1);
		assertThat(Files.exists(this.dir.resolve("out/.flux-batch"))).as("no folder database").isFalse();
	}

	@Test
	void aDatabaseHoldingTablesOfSomethingElseIsRefusedInOneLine() throws Exception {
		try (Connection connection = this.database.connect(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE CUSTOMERS (ID INT)");
		}
		Path input = Files.writeString(this.dir.resolve("in.csv"), "prompt\nA lighthouse\n");
		Path job = Files.writeString(this.dir.resolve("job.yml"), this.database.jobFileLines());

		CommandRun run = CommandRun.of(KEY, command(job, input, "--simulate"));

		assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
		assertThat(run.problem())
			.isEqualTo("flux-batch: could not start: the job database holds tables that flux-batch did not make "
					+ "(customers): give flux-batch a database or schema of its own");
	}

	@Test
	void aPasswordInTheDatabaseUrlIsRefusedBeforeAnythingStarts() throws Exception {
		Path input = Files.writeString(this.dir.resolve("in.csv"), "prompt\nA lighthouse\n");

		CommandRun run = CommandRun.of(KEY, "run", "--simulate", "--input", input.toString(), "--output",
				this.dir.resolve("out").toString(), "--db-url", this.database.url() + "?user=flux&password=secret");

		assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
		assertThat(run.err()).startsWith("flux-batch: --db-url must not hold the password").doesNotContain("secret");
	}

	@Test
	void aRunKilledDuringASubmissionIsContinuedByTheSameCommand() throws Exception {
		try (FluxSimulator simulator = FluxSimulator
			.start(SimulatorSettings.defaults().withLatency(Duration.ofMillis(50), Duration.ofMillis(50)))) {
			AtomicReference<Process> running = new AtomicReference<>();
			simulator.setRequestListener((kind) -> {
				Process process = running.getAndSet(null);
				if (kind.equals("generate") && process != null) {
					process.destroyForcibly();
				}
			});
			Path input = Files.writeString(this.dir.resolve("in.csv"),
					"prompt\nA poster of one\nA poster of two\nA poster of three\n");
			Path job = Files.writeString(this.dir.resolve("job.yml"),
					"flux.job.poll.first-poll-after: 0ms\n" + this.database.jobFileLines());
			String[] command = command(job, input, "--base-url", simulator.baseUrl());
			Process killed = JobProcess.startIn(Path.of(""), this.database.environment(), this.dir.resolve("killed"),
					command);
			running.set(killed);
			assertThat(killed.waitFor(2, TimeUnit.MINUTES)).isTrue();
			assertThat(killed.exitValue()).isEqualTo(137);

			CommandRun rerun = CommandRun.of(KEY, command);

			assertThat(rerun.exitCode()).as(rerun.err()).isEqualTo(ExitCode.COMPLETED);
			List<Map<String, String>> results = CsvRows.read(this.dir.resolve("out/results.csv"));
			RunChecks.assertEveryRowFinal(results, 3);
			RunChecks.assertNoUnflaggedDuplicates(simulator, results);
			assertThat(results.stream().mapToLong((row) -> Long.parseLong(row.get("attempts"))).sum())
				.isGreaterThanOrEqualTo(simulator.counters().generateRequests());
		}
	}

	@Test
	void aSigtermDuringAChunkStopsTheRunAndTheSameCommandFinishesIt() throws Exception {
		int rows = 20;
		try (FluxSimulator simulator = FluxSimulator
			.start(SimulatorSettings.defaults().withLatency(Duration.ofMillis(300), Duration.ofMillis(300)))) {
			CountDownLatch someSubmitted = new CountDownLatch(5);
			simulator.setRequestListener((kind) -> {
				if (kind.equals("generate")) {
					someSubmitted.countDown();
				}
			});
			StringBuilder csv = new StringBuilder("prompt\n");
			for (int i = 1; i <= rows; i++) {
				csv.append("A poster of the number ").append(i).append('\n');
			}
			Path input = Files.writeString(this.dir.resolve("in.csv"), csv);
			Path job = Files.writeString(this.dir.resolve("job.yml"), "flux.api.requests-per-second: 10\n");
			String[] command = command(job, input, "--base-url", simulator.baseUrl());
			Process process = JobProcess.startIn(Path.of(""), this.database.environment(), this.dir.resolve("stopped"),
					command);
			assertThat(someSubmitted.await(2, TimeUnit.MINUTES)).isTrue();

			process.destroy();

			assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
			assertThat(process.exitValue()).as(Files.readString(this.dir.resolve("stopped.err")))
				.isEqualTo(ExitCode.STOPPED);
			assertThat(this.database.queryLong("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE STATUS = 'STOPPED'"))
				.isEqualTo(1);
			Process rerun = JobProcess.startIn(Path.of(""), this.database.environment(), this.dir.resolve("rerun"),
					command);
			assertThat(rerun.waitFor(2, TimeUnit.MINUTES)).isTrue();
			assertThat(rerun.exitValue()).as(Files.readString(this.dir.resolve("rerun.err")))
				.isEqualTo(ExitCode.COMPLETED);
			List<Map<String, String>> results = CsvRows.read(this.dir.resolve("out/results.csv"));
			RunChecks.assertEveryRowFinal(results, rows);
			assertThat(simulator.tasks()).hasSize(rows);
			assertThat(results).allSatisfy((row) -> assertThat(row.get("duplicate_risk")).isEmpty());
		}
	}

	@Test
	void twoLaunchesAtTheSameMomentRunTheCatalogOnceAndTheOtherRefusesInOneLine() throws Exception {
		try (FluxSimulator simulator = FluxSimulator
			.start(SimulatorSettings.defaults().withLatency(Duration.ofMinutes(5), Duration.ofMinutes(5)))) {
			Path input = Files.writeString(this.dir.resolve("in.csv"), "prompt\nA slow lighthouse\nA slow harbour\n");
			Path job = Files.writeString(this.dir.resolve("job.yml"), "flux.job.poll.first-poll-after: 0ms\n");
			String[] command = command(job, input, "--base-url", simulator.baseUrl());
			Process first = JobProcess.startIn(Path.of(""), this.database.environment(), this.dir.resolve("first"),
					command);
			Process second = JobProcess.startIn(Path.of(""), this.database.environment(), this.dir.resolve("second"),
					command);
			try {
				Process refused = first.onExit()
					.applyToEither(second.onExit(), (ended) -> ended)
					.get(3, TimeUnit.MINUTES);
				Process running = (refused == first) ? second : first;
				String log = this.dir.resolve((refused == first) ? "first" : "second") + ".err";

				assertThat(refused.exitValue()).as(Files.readString(Path.of(log))).isEqualTo(ExitCode.FAILED);
				assertThat(new CommandRun(refused.exitValue(), "", Files.readString(Path.of(log))).problem())
					.startsWith("flux-batch: another flux-batch command is running " + this.dir.resolve("out"))
					.doesNotContain("\n");
				assertThat(running.isAlive()).isTrue();
				assertThat(this.database.queryLong("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE")).isEqualTo(1);
				assertThat(simulator.tasks().stream().map((task) -> task.prompt()).distinct().count())
					.isEqualTo(simulator.tasks().size());
			}
			finally {
				first.destroyForcibly().waitFor();
				second.destroyForcibly().waitFor();
			}
		}
	}

	@Test
	void twoCatalogsRunAtTheSameTimeOnOneDatabaseEachOnItsOwn() throws Exception {
		int rows = 12;
		try (FluxSimulator simulator = FluxSimulator
			.start(SimulatorSettings.defaults().withLatency(Duration.ofMillis(200), Duration.ofMillis(200)))) {
			Path job = Files.writeString(this.dir.resolve("job.yml"), "flux.job.poll.first-poll-after: 0ms\n");
			List<Process> processes = new java.util.ArrayList<>();
			for (String catalog : List.of("spring", "autumn")) {
				processes.add(startCatalog(simulator, job, catalog, rows));
			}
			for (Process process : processes) {
				assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
			}

			for (String catalog : List.of("spring", "autumn")) {
				assertThat(processes.get(catalog.equals("spring") ? 0 : 1).exitValue())
					.as(Files.readString(this.dir.resolve(catalog + ".err")))
					.isEqualTo(ExitCode.COMPLETED);
				List<Map<String, String>> results = CsvRows.read(this.dir.resolve(catalog).resolve("results.csv"));
				RunChecks.assertEveryRowFinal(results, rows);
				assertThat(results).allSatisfy((row) -> assertThat(row.get("prompt")).startsWith("A " + catalog));
			}
			assertThat(simulator.tasks()).hasSize(2 * rows);
			assertThat(this.database.queryLong("SELECT COUNT(*) FROM FLUX_LEASE")).as("leases left").isZero();
		}
	}

	@Test
	void aKilledRunOfAnotherHostIsRefusedWhileItsLeaseIsFreshAndRecoveredOnceItExpired() throws Exception {
		try (FluxSimulator simulator = FluxSimulator
			.start(SimulatorSettings.defaults().withLatency(Duration.ofMillis(50), Duration.ofMillis(50)))) {
			AtomicReference<Process> running = new AtomicReference<>();
			simulator.setRequestListener((kind) -> {
				Process process = running.getAndSet(null);
				if (kind.equals("generate") && process != null) {
					process.destroyForcibly();
				}
			});
			Path input = Files.writeString(this.dir.resolve("in.csv"), "prompt\nA poster of one\nA poster of two\n");
			Path job = Files.writeString(this.dir.resolve("job.yml"),
					"flux.job.poll.first-poll-after: 0ms\n" + this.database.jobFileLines());
			String[] command = command(job, input, "--base-url", simulator.baseUrl());
			Process killed = JobProcess.startIn(Path.of(""), this.database.environment(), this.dir.resolve("killed"),
					command);
			running.set(killed);
			assertThat(killed.waitFor(2, TimeUnit.MINUTES)).isTrue();
			// As if the killed command had run on another machine: its process id says
			// nothing here, only its heartbeat does.
			try (Connection connection = this.database.connect(); Statement statement = connection.createStatement()) {
				statement.execute("UPDATE FLUX_LEASE SET HOST = 'worker-2'");
			}

			CommandRun refused = CommandRun.of(KEY, command);

			assertThat(refused.exitCode()).isEqualTo(ExitCode.FAILED);
			assertThat(refused.err()).contains("(host worker-2, process " + killed.pid() + ", last heartbeat");
			try (Connection connection = this.database.connect(); Statement statement = connection.createStatement()) {
				statement.execute("UPDATE FLUX_LEASE SET HEARTBEAT = HEARTBEAT - INTERVAL '10 minutes'");
			}

			CommandRun recovered = CommandRun.of(KEY, command);

			assertThat(recovered.exitCode()).as(recovered.err()).isEqualTo(ExitCode.COMPLETED);
			List<Map<String, String>> results = CsvRows.read(this.dir.resolve("out/results.csv"));
			RunChecks.assertEveryRowFinal(results, 2);
			RunChecks.assertNoUnflaggedDuplicates(simulator, results);
		}
	}

	@Test
	void theJobCommitsSynchronouslyEvenWhereTheDatabaseDefaultIsNot() throws Exception {
		try (Connection connection = this.database.connect(); Statement statement = connection.createStatement()) {
			statement.execute("ALTER DATABASE " + this.database.name() + " SET synchronous_commit = off");
		}
		Path input = Files.writeString(this.dir.resolve("in.csv"), "prompt\nA lighthouse\n");
		Path job = Files.writeString(this.dir.resolve("job.yml"), "flux.job.poll.first-poll-after: 0ms\n");
		Process run = JobProcess.startIn(Path.of(""), this.database.environment(), this.dir.resolve("run"),
				command(job, input, "--simulate"));

		assertThat(run.waitFor(2, TimeUnit.MINUTES)).isTrue();
		String log = Files.readString(this.dir.resolve("run.out")) + Files.readString(this.dir.resolve("run.err"));
		assertThat(run.exitValue()).as(log).isEqualTo(ExitCode.COMPLETED);
		assertThat(log).contains("commits reach the disk: the job database has synchronous_commit on and fsync on");
		assertThat(this.database.queryLong(
				"SELECT COUNT(*) FROM pg_db_role_setting WHERE setconfig::text " + "LIKE '%synchronous_commit=off%'"))
			.as("the database's own default, left as it was")
			.isEqualTo(1);
	}

	@Test
	void twoRunsOnOneAccountShareItsDailyQuotaAndTogetherSendNoMoreThanIt() throws Exception {
		int quota = 40;
		int rows = 30;
		try (FluxSimulator simulator = FluxSimulator.start(SimulatorSettings.defaults()
			.withLatency(Duration.ofMillis(100), Duration.ofMillis(100))
			.withDailyQuota(quota))) {
			Path job = Files.writeString(this.dir.resolve("job.yml"),
					"flux.job.poll.first-poll-after: 0ms\nflux.api.daily-quota: " + quota + "\n");
			List<Process> processes = new java.util.ArrayList<>();
			for (String catalog : List.of("spring", "autumn")) {
				processes.add(startCatalog(simulator, job, catalog, rows));
			}
			for (Process process : processes) {
				assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
			}

			assertThat(simulator.counters().apiRequests()).as("requests the two runs sent").isLessThanOrEqualTo(quota);
			for (String catalog : List.of("spring", "autumn")) {
				String err = Files.readString(this.dir.resolve(catalog + ".err"));
				assertThat(processes.get(catalog.equals("spring") ? 0 : 1).exitValue()).as(err)
					.isEqualTo(ExitCode.STOPPED);
				assertThat(err).contains("daily request quota is used up");
			}
			assertThat(simulator.counters().rateLimited()).as("429s for the quota").isZero();
		}
	}

	@Test
	void twoRunsOnOneAccountKeepToOnePaceTogether() throws Exception {
		// Each run may send 5 a second; alone, two would send 10 against a limit of 8.
		try (FluxSimulator simulator = FluxSimulator.start(SimulatorSettings.defaults().withRequestsPerSecond(8))) {
			Path job = Files.writeString(this.dir.resolve("job.yml"),
					"flux.job.poll.first-poll-after: 0ms\nflux.api.requests-per-second: 5\n");
			List<Process> processes = new java.util.ArrayList<>();
			for (String catalog : List.of("spring", "autumn")) {
				processes.add(startCatalog(simulator, job, catalog, 15));
			}
			for (Process process : processes) {
				assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
				assertThat(process.exitValue()).isEqualTo(ExitCode.COMPLETED);
			}

			assertThat(simulator.counters().apiRequests()).as("a POST and a poll of each row")
				.isGreaterThanOrEqualTo(2 * 2 * 15);
			assertThat(simulator.counters().rateLimited()).as("429s for the per-second limit").isZero();
		}
	}

	private Process startCatalog(FluxSimulator simulator, Path job, String catalog, int rows) throws IOException {
		StringBuilder csv = new StringBuilder("sku,prompt\n");
		for (int i = 1; i <= rows; i++) {
			csv.append(catalog)
				.append('-')
				.append(i)
				.append(",A ")
				.append(catalog)
				.append(" poster ")
				.append(i)
				.append('\n');
		}
		Path input = Files.writeString(this.dir.resolve(catalog + ".csv"), csv);
		List<String> command = new java.util.ArrayList<>(List.of("run", "--job", job.toString(), "--input",
				input.toString(), "--output", this.dir.resolve(catalog).toString(), "--base-url", simulator.baseUrl()));
		command.addAll(List.of(this.database.options()));
		return JobProcess.startIn(Path.of(""), this.database.environment(), this.dir.resolve(catalog),
				command.toArray(String[]::new));
	}

	private String[] command(Path job, Path input, String... more) {
		List<String> command = new java.util.ArrayList<>(List.of("run", "--job", job.toString(), "--input",
				input.toString(), "--output", this.dir.resolve("out").toString()));
		command.addAll(List.of(this.database.options()));
		command.addAll(List.of(more));
		return command.toArray(String[]::new);
	}

	static Map<String, String> with(Map<String, String> environment, Map<String, String> more) {
		Map<String, String> all = new HashMap<>(environment);
		all.putAll(more);
		return all;
	}

}
