package io.fluxbatch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.fluxbatch.simulator.FluxSimulator;
import io.fluxbatch.simulator.SimulatorSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGTERM (what cron, systemd and Ctrl-C send) stops a run gracefully and the same
 * command finishes it.
 */
@FullLane
class StopSignalTest {

	private static final int ROWS = 20;

	@TempDir
	Path dir;

	@Test
	void sigtermLetsRequestsInFlightFinishEndsTheRunStoppedAndTheSameCommandFinishesIt() throws Exception {
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
					this.dir.resolve("out").toString(), "--base-url", simulator.baseUrl(), "--db",
					this.dir.resolve("db").toString() };
			Process process = JobProcess.start(this.dir.resolve("stopped"), command);
			assertThat(someSubmitted.await(2, TimeUnit.MINUTES)).isTrue();

			process.destroy();

			assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
			assertThat(process.exitValue()).isEqualTo(ExitCode.STOPPED);
			assertThat(Files.readString(this.dir.resolve("stopped.err"))).contains("a stop was requested");
			List<Map<String, String>> stopped = CsvRows.read(this.dir.resolve("out/results.csv"));
			assertThat(stopped).extracting((row) -> row.get("status")).contains("PENDING");
			assertThat(stopped).allSatisfy((row) -> assertThat(row.get("duplicate_risk")).isEmpty());

			CommandRun rerun = CommandRun.of(Map.of("VICSEE_API_KEY", "sk-test-key"), command);

			assertThat(rerun.exitCode()).as(rerun.err()).isEqualTo(ExitCode.COMPLETED);
			List<Map<String, String>> results = CsvRows.read(this.dir.resolve("out/results.csv"));
			RunChecks.assertEveryRowFinal(results, ROWS);
			assertThat(simulator.tasks()).hasSize(ROWS);
			assertThat(results).allSatisfy((row) -> assertThat(row.get("duplicate_risk")).isEmpty());
		}
	}

}
