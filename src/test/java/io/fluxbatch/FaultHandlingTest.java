package io.fluxbatch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.fluxbatch.simulator.FluxSimulator;
import io.fluxbatch.simulator.SimulatorSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each fault the API can throw, one at a time: what the run does and what the user sees.
 */
@FullLane
class FaultHandlingTest {

	private static final Map<String, String> ENVIRONMENT = Map.of("VICSEE_API_KEY", "sk-test-key");

	private static final int ROWS = 12;

	@TempDir
	Path dir;

	private FluxSimulator simulator;

	@AfterEach
	void stopSimulator() {
		this.simulator.close();
	}

	@Test
	void serverErrorsAreRetriedAndEveryRowCompletes() throws IOException {
		CommandRun run = runWith(SimulatorSettings.defaults().withServerErrorRate(0.3));

		assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.COMPLETED);
		assertFinishedRunIsSound(ROWS);
		assertThat(this.simulator.counters().serverErrors()).isPositive();
	}

	@Test
	void aPostWhoseAnswerIsLostIsSentAgainAndItsRowFlaggedAsAPossibleDuplicate() throws IOException {
		CommandRun run = runWith(SimulatorSettings.defaults().withLostResponseRate(0.3));

		assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.COMPLETED);
		List<Map<String, String>> results = assertFinishedRunIsSound(ROWS);
		assertThat(this.simulator.counters().lostResponses()).isPositive();
		assertThat(results).filteredOn((row) -> "yes".equals(row.get("duplicate_risk")))
			.hasSizeGreaterThanOrEqualTo(
					(int) this.simulator.tasks().stream().filter((t) -> t.responseLost()).count() / 3);
		assertThat(run.out() + run.err()).doesNotContain("sk-test-key");
	}

	@Test
	void droppedConnectionsAreRetried() throws IOException {
		CommandRun run = runWith(SimulatorSettings.defaults().withDroppedConnectionRate(0.3));

		assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.COMPLETED);
		assertFinishedRunIsSound(ROWS);
		assertThat(this.simulator.counters().droppedConnections()).isPositive();
	}

	@Test
	void answersSlowerThanTheReadTimeoutAreRetried() throws IOException {
		CommandRun run = runWith(
				SimulatorSettings.defaults().withSlowResponseRate(0.2).withSlowResponseDelay(Duration.ofMillis(600)),
				"flux.api.read-timeout: 200ms");

		assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.COMPLETED);
		assertFinishedRunIsSound(ROWS);
		assertThat(this.simulator.counters().slowResponses()).isPositive();
	}

	@Test
	void cdnErrorsAreRetriedWithoutGeneratingAgain() throws IOException {
		CommandRun run = rerunWhileImagesAreMissing(runWith(SimulatorSettings.defaults().withCdnErrorRate(0.4)));

		assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.COMPLETED);
		assertFinishedRunIsSound(ROWS);
		assertThat(this.simulator.tasks()).hasSize(ROWS);
	}

	@Test
	void aTruncatedImageIsNeverStoredAndIsFetchedAgainNotGeneratedAgain() throws IOException {
		CommandRun run = rerunWhileImagesAreMissing(runWith(SimulatorSettings.defaults().withTruncatedImageRate(0.4)));

		assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.COMPLETED);
		assertFinishedRunIsSound(ROWS);
		assertThat(this.simulator.tasks()).hasSize(ROWS);
		assertThat(this.simulator.counters().truncatedImages()).isPositive();
		try (var images = Files.list(this.dir.resolve("out/images"))) {
			assertThat(images).hasSize(ROWS);
		}
	}

	@Test
	void anExpiredResultUrlIsReplacedByAFreshDownloadLink() throws IOException {
		CommandRun run = runWith(SimulatorSettings.defaults().withExpiredUrlRate(1.0));

		assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.COMPLETED);
		assertFinishedRunIsSound(ROWS);
		assertThat(this.simulator.counters().downloadUrlRequests()).isEqualTo(ROWS);
		assertThat(this.simulator.tasks()).hasSize(ROWS);
	}

	@Test
	void rateLimitBurstsAreWaitedOutAsRetryAfterSays() throws IOException {
		CommandRun run = runWith(
				SimulatorSettings.defaults().withBurstRateLimitRate(0.3).withBurstRetryAfter(Duration.ZERO));

		assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.COMPLETED);
		assertFinishedRunIsSound(ROWS);
		assertThat(this.simulator.counters().burstRateLimited()).isPositive();
		assertThat(this.simulator.tasks()).hasSize(ROWS);
	}

	@Test
	void theDailyQuotaStopsTheRunWithItsResetTimeAndTheSameCommandContinuesAfterTheReset() throws IOException {
		CommandRun stopped = runWith(SimulatorSettings.defaults().withDailyQuota(ROWS / 2));

		assertThat(stopped.exitCode()).as(stopped.err()).isEqualTo(ExitCode.STOPPED);
		assertThat(stopped.err()).contains("daily request quota is used up until 20").contains("after the reset");
		// Requests already in flight may meet the quota too (at most 8 submits and 8
		// polls
		// at once, by default); after them none is sent. The ledger of the job database
		// may
		// stop the run before the API has to refuse.
		assertThat(this.simulator.counters().rateLimited()).isBetween(0L, 16L);

		// Each "night" the quota resets and the same command takes the run further.
		CommandRun rerun;
		int nights = 0;
		do {
			this.simulator.resetDailyQuota();
			rerun = run();
			nights++;
		}
		while (rerun.exitCode() == ExitCode.STOPPED && nights < 10);

		assertThat(rerun.exitCode()).as(rerun.err()).isEqualTo(ExitCode.COMPLETED);
		assertFinishedRunIsSound(ROWS);
		assertThat(this.simulator.tasks()).hasSize(ROWS);
	}

	@Test
	void anApiThatStaysDownIsGivenUpOnAfterTheCircuitHasStayedOpenAndTheRunFails() throws IOException {
		this.simulator = FluxSimulator.start(SimulatorSettings.defaults());
		this.simulator.setDown(true);

		CommandRun run = run("""
				flux.api.circuit-breaker:
				  sliding-window-size: 4
				  wait-in-open-state: 50ms
				  give-up-after: 300ms""");

		assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.FAILED);
		assertThat(run.err()).contains("API_UNAVAILABLE").contains("giving up");
		assertThat(this.simulator.counters().apiRequests()).isLessThan(60);
		assertThat(CsvRows.read(this.dir.resolve("out/results.csv"))).extracting((row) -> row.get("status"))
			.containsOnly("PENDING");
	}

	private List<Map<String, String>> assertFinishedRunIsSound(int rows) throws IOException {
		Path output = this.dir.resolve("out");
		List<Map<String, String>> results = CsvRows.read(output.resolve("results.csv"));
		RunChecks.assertEveryRowFinal(results, rows);
		assertThat(results).extracting((row) -> row.get("status")).containsOnly("COMPLETED");
		RunChecks.assertNoUnflaggedDuplicates(this.simulator, results);
		RunChecks.assertImagesVerified(output, results);
		RunChecks.assertCreditsReconcile(this.simulator, output, results);
		return results;
	}

	/**
	 * An image that failed on every attempt of a run stays pending for the next run, as
	 * the user would see it: the same command finishes it.
	 */
	private CommandRun rerunWhileImagesAreMissing(CommandRun first) throws IOException {
		CommandRun run = first;
		for (int rerun = 0; run.exitCode() == ExitCode.FAILED && rerun < 5; rerun++) {
			assertThat(run.err()).contains("not finished yet");
			run = run();
		}
		return run;
	}

	private CommandRun runWith(SimulatorSettings settings, String... settingLines) throws IOException {
		this.simulator = FluxSimulator.start(settings.withRandomSeed(11));
		return run(settingLines);
	}

	private CommandRun run(String... settingLines) throws IOException {
		StringBuilder csv = new StringBuilder("id,prompt\n");
		for (int i = 1; i <= ROWS; i++) {
			csv.append("R").append(i).append(",A product shot of item number ").append(i).append('\n');
		}
		Path input = Files.writeString(this.dir.resolve("in.csv"), csv);
		Path job = Files.writeString(this.dir.resolve("job.yml"), """
				flux.job.poll.first-poll-after: 0ms
				flux.api.requests-per-second: 500
				flux.api.retry.initial-backoff: 1ms
				flux.api.retry.max-backoff: 5ms
				flux.api.retry.max-attempts: 8
				flux.download.attempts: 2
				""" + String.join("\n", settingLines) + "\n");
		return CommandRun.of(ENVIRONMENT, "run", "--job", job.toString(), "--input", input.toString(), "--output",
				this.dir.resolve("out").toString(), "--base-url", this.simulator.baseUrl(), "--db",
				this.dir.resolve("db").toString());
	}

}
