package io.fluxbatch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import io.fluxbatch.simulator.FluxSimulator;
import io.fluxbatch.simulator.SimulatorCounters;
import io.fluxbatch.simulator.SimulatorSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stages overlap: a task is polled when it is due and its image fetched as soon as a
 * poll sees it done, while other rows are still being sent.
 */
@FullLane
class PipelineTest {

	private static final int ROWS = 30;

	@TempDir
	Path dir;

	@Test
	void anImageLandsWhileOtherRowsAreStillBeingSubmitted() throws IOException {
		List<String> requests = Collections.synchronizedList(new ArrayList<>());
		try (FluxSimulator simulator = FluxSimulator.start(SimulatorSettings.defaults()
			.withLatency(Duration.ofMillis(200), Duration.ofMillis(200))
			.withTinyImages(true)
			.withRequestsPerSecond(10))) {
			simulator.setRequestListener(requests::add);
			CommandRun run = run(simulator);

			assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.COMPLETED);
			assertThat(CsvRows.read(this.dir.resolve("out/results.csv"))).hasSize(ROWS)
				.allSatisfy((row) -> assertThat(row.get("status")).isEqualTo("COMPLETED"));
			List<String> seen = List.copyOf(requests);
			assertThat(simulator.tasks()).hasSize(ROWS);
			// 30 POSTs and as many polls take the API's 10 requests a second at least
			// six seconds; the first image is ready after its first poll.
			assertThat(seen.indexOf("cdn")).as("first download").isLessThan(seen.lastIndexOf("generate"));
		}
	}

	@Test
	void resultUrlsExpiringSoonAfterTheirTaskEndsNeedNoFreshDownloadLink() throws IOException {
		try (FluxSimulator simulator = FluxSimulator.start(SimulatorSettings.defaults()
			.withLatency(Duration.ofMillis(200), Duration.ofMillis(200))
			.withTinyImages(true)
			.withRequestsPerSecond(10)
			.withResultUrlLifetime(Duration.ofSeconds(3)))) {
			CommandRun run = run(simulator);

			assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.COMPLETED);
			assertThat(CsvRows.read(this.dir.resolve("out/results.csv"))).hasSize(ROWS)
				.allSatisfy((row) -> assertThat(row.get("status")).isEqualTo("COMPLETED"));
			SimulatorCounters counters = simulator.counters();
			// The run lasts twice the URLs' lifetime: a download phase at its end would
			// find the first URLs expired.
			assertThat(counters.downloadUrlRequests()).isZero();
			assertThat(counters.expiredUrls()).isZero();
			assertThat(counters.tasksCreated()).isEqualTo(ROWS);
		}
	}

	private CommandRun run(FluxSimulator simulator) throws IOException {
		StringBuilder csv = new StringBuilder("id,prompt\n");
		for (int i = 1; i <= ROWS; i++) {
			csv.append(i).append(",\"A numbered poster, number ").append(i).append("\"\n");
		}
		Path input = Files.writeString(this.dir.resolve("in.csv"), csv.toString());
		// The first poll waits only as long as the simulated task takes.
		Path job = Files.writeString(this.dir.resolve("job.yml"), "flux.job.poll.first-poll-after: 200ms\n");
		return CommandRun.of(Map.of("VICSEE_API_KEY", "sk-test-key"), "run", "--job", job.toString(), "--input",
				input.toString(), "--output", this.dir.resolve("out").toString(), "--base-url", simulator.baseUrl(),
				"--db", this.dir.resolve("db").toString());
	}

}
