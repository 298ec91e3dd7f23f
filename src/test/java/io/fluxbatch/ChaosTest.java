package io.fluxbatch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import io.fluxbatch.simulator.FluxSimulator;
import io.fluxbatch.simulator.ReceivedGeneration;
import io.fluxbatch.simulator.SimulatorCounters;
import io.fluxbatch.simulator.SimulatorSettings;
import io.fluxbatch.simulator.TaskRecord;
import io.fluxbatch.simulator.TaskState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A few hundred rows against an API that throws every fault it can, while the job's own
 * JVM is killed with SIGKILL at random moments: rerunning the same command until it
 * completes must lose no row, pay nothing twice unflagged, store every image intact, and
 * account for every credit.
 */
@FullLane
class ChaosTest {

	private static final int ROWS = 300;

	private static final int KILLS = 4;

	private static final int ADDED = 20;

	private static final int MAX_RUNS = 30;

	@TempDir
	Path dir;

	@Test
	void killedAtRandomUnderEveryFaultTheSameCommandStillFinishesEveryRowExactlyOnce() throws Exception {
		chaos(false, ROWS, null);
	}

	/**
	 * The same on PostgreSQL, shorter: the job repository's races between a kill, a
	 * recovery and the step's own updates show there, under READ COMMITTED.
	 */
	@Test
	void killedAtRandomWithThePostgresJobDatabaseTheSameCommandStillFinishesEveryRowExactlyOnce() throws Exception {
		try (PostgresDatabase database = PostgresDatabase.create()) {
			chaos(false, ROWS / 2, database);
		}
	}

	/**
	 * The sheet is edited between kills (every seventh prompt changed, rows added): the
	 * run that completes holds exactly the current rows, each image made from the prompt
	 * now in the file, and the spend ledger accounts for what was charged.
	 */
	@Test
	void killedAtRandomWhileTheSheetIsEditedTheCurrentSheetWinsAndNothingIsPaidTwiceUnflagged() throws Exception {
		chaos(true, ROWS, null);
	}

	private void chaos(boolean editBetweenKills, int rows, PostgresDatabase database) throws Exception {
		Random random = new Random(2026);
		SimulatorSettings settings = SimulatorSettings.defaults()
			.withChaos(0.04)
			.withSlowResponseDelay(Duration.ofMillis(600))
			.withBurstRetryAfter(Duration.ZERO)
			.withLatency(Duration.ofMillis(30), Duration.ofMillis(60))
			.withLatencyJitter(0.5)
			.withCredits(rows * 15 * 2 / 3)
			.withDailyQuota(rows * 2)
			.withTinyImages(true)
			.withRandomSeed(2026);
		Path input = prompts(rows, false);
		Path job = Files.writeString(this.dir.resolve("chaos.yml"), """
				flux:
				  job:
				    poll.first-poll-after: 20ms
				    poll.max-interval: 200ms
				  api:
				    requests-per-second: 400
				    read-timeout: 300ms
				    retry: { max-attempts: 8, initial-backoff: 1ms, max-backoff: 20ms }
				    circuit-breaker: { sliding-window-size: 50, wait-in-open-state: 100ms, give-up-after: 30s }
				""");
		List<String> outcomes = new ArrayList<>();
		try (FluxSimulator simulator = FluxSimulator.start(settings)) {
			AtomicReference<Process> running = new AtomicReference<>();
			AtomicLong requests = new AtomicLong();
			AtomicLong killAt = new AtomicLong(nextKill(random, rows));
			AtomicLong kills = new AtomicLong();
			simulator.setRequestListener((kind) -> {
				if (requests.incrementAndGet() == killAt.get() && kills.get() < KILLS) {
					Process process = running.get();
					if (process != null) {
						process.destroyForcibly();
						kills.incrementAndGet();
					}
				}
			});
			for (int run = 1; run <= MAX_RUNS; run++) {
				Process process = start(job, input, simulator.baseUrl(), run, database);
				running.set(process);
				assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("run %d ends", run).isTrue();
				running.set(null);
				int exitCode = process.exitValue();
				String err = Files.readString(this.dir.resolve("run-" + run + ".err"));
				outcomes.add(Integer.toString(exitCode));
				if (exitCode == ExitCode.COMPLETED) {
					break;
				}
				if (err.contains("out of credits")) {
					simulator.addCredits(rows * 15);
				}
				if (err.contains("daily request quota")) {
					simulator.resetDailyQuota();
				}
				if (editBetweenKills && run == 2) {
					prompts(rows + ADDED, true);
				}
				killAt.set(requests.get() + nextKill(random, rows));
			}
			assertThat(outcomes).as("exit codes of the runs").last().isEqualTo("0");

			Path output = this.dir.resolve("out");
			List<Map<String, String>> results = CsvRows.read(output.resolve("results.csv"));
			if (editBetweenKills) {
				assertCurrentSheetWon(simulator, output, results, CsvRows.read(input));
			}
			else {
				RunChecks.assertEveryRowFinal(results, rows);
				RunChecks.assertNoUnflaggedDuplicates(simulator, results);
				RunChecks.assertCreditsReconcile(simulator, output, results);
			}
			RunChecks.assertImagesVerified(output, results);
			assertThat(kills.get()).isEqualTo(KILLS);
			report(simulator.counters(), results, kills.get(), outcomes);
		}
	}

	/** Requests until the next kill: a shorter run is killed as often, sooner. */
	private static long nextKill(Random random, int rows) {
		return 30 + random.nextInt(150 * rows / ROWS);
	}

	private Process start(Path job, Path input, String baseUrl, int run, PostgresDatabase database) throws IOException {
		List<String> command = new ArrayList<>(List.of("run", "--job", job.toString(), "--input", input.toString(),
				"--output", this.dir.resolve("out").toString(), "--base-url", baseUrl));
		if (database != null) {
			command.addAll(List.of(database.options()));
		}
		else {
			command.addAll(List.of("--db", this.dir.resolve("db").toString()));
		}
		return JobProcess.startIn(Path.of(""), (database != null) ? database.environment() : Map.of(),
				this.dir.resolve("run-" + run), command.toArray(String[]::new));
	}

	private static void assertCurrentSheetWon(FluxSimulator simulator, Path output, List<Map<String, String>> results,
			List<Map<String, String>> sheet) throws IOException {
		RunChecks.assertEveryRowFinal(results, sheet.size());
		assertThat(results).extracting((row) -> row.get("sku") + " " + row.get("prompt"))
			.containsExactlyElementsOf(sheet.stream().map((row) -> row.get("sku") + " " + row.get("prompt")).toList());
		Map<String, String> promptOfTask = simulator.generations()
			.stream()
			.collect(Collectors.toMap(ReceivedGeneration::taskId, ReceivedGeneration::prompt, (a, b) -> a));
		results.stream()
			.filter((row) -> !row.get("task_id").isEmpty())
			.forEach((row) -> assertThat(promptOfTask.get(row.get("task_id"))).as(row.get("sku"))
				.isEqualTo(row.get("prompt")));
		Set<String> current = sheet.stream().map((row) -> row.get("prompt")).collect(Collectors.toSet());
		Set<String> flagged = results.stream()
			.filter((row) -> "yes".equals(row.get("duplicate_risk")))
			.map((row) -> row.get("prompt"))
			.collect(Collectors.toSet());
		simulator.tasks()
			.stream()
			.filter((task) -> task.state() != TaskState.FAILED && current.contains(task.prompt()))
			.collect(Collectors.groupingBy(TaskRecord::prompt, Collectors.counting()))
			.forEach((prompt, tasks) -> {
				if (tasks > 1) {
					assertThat(flagged).as("row of '%s' was generated %d times", prompt, tasks).contains(prompt);
				}
			});
		List<Map<String, String>> ledger = CsvRows.read(output.resolve("spend.csv"));
		long spent = ledger.stream().mapToLong((line) -> Long.parseLong(line.get("credits"))).sum();
		long possible = ledger.stream().mapToLong((line) -> Long.parseLong(line.get("possible_cost"))).sum();
		assertThat(simulator.counters().creditsCharged()).as("charged, against spend.csv")
			.isBetween(spent, spent + possible);
	}

	private Path prompts(int rows, boolean edited) throws IOException {
		StringBuilder csv = new StringBuilder("sku,prompt,model,resolution\n");
		for (int i = 1; i <= rows; i++) {
			csv.append("SKU-")
				.append(i)
				.append(",Catalog photo of product ")
				.append(i)
				.append((edited && i % 7 == 0) ? " in red" : "")
				.append(" on white,")
				.append((i % 5 == 0) ? "flex" : "pro")
				.append(',')
				.append((i % 3 == 0) ? "2K" : "1K")
				.append('\n');
		}
		return Files.writeString(this.dir.resolve("catalog.csv"), csv);
	}

	/** The figures the README quotes: printed by the test, never typed by hand. */
	private static void report(SimulatorCounters counters, List<Map<String, String>> results, long kills,
			List<String> outcomes) {
		long flagged = results.stream().filter((row) -> "yes".equals(row.get("duplicate_risk"))).count();
		long faults = counters.serverErrors() + counters.droppedConnections() + counters.generationsFailed()
				+ counters.truncatedImages() + counters.expiredUrls() + counters.burstRateLimited()
				+ counters.slowResponses() + counters.rateLimited() - counters.burstRateLimited();
		System.out.printf(
				"chaos: rows=%d kills=%d runs=%d exit-codes=%s faults-injected=%d (5xx=%d dropped=%d "
						+ "lost-answers=%d slow=%d failed-generations=%d truncated=%d expired-urls=%d 429-bursts=%d "
						+ "quota-429=%d) lost-rows=0 unflagged-duplicates=0 flagged-rows=%d credits-charged=%d%n",
				results.size(), kills, outcomes.size(), String.join(",", outcomes), faults, counters.serverErrors(),
				counters.droppedConnections(), counters.lostResponses(), counters.slowResponses(),
				counters.generationsFailed(), counters.truncatedImages(), counters.expiredUrls(),
				counters.burstRateLimited(), counters.rateLimited() - counters.burstRateLimited(), flagged,
				counters.creditsCharged());
	}

}
