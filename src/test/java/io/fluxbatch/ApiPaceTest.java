package io.fluxbatch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.fluxbatch.simulator.FluxSimulator;
import io.fluxbatch.simulator.SimulatorCounters;
import io.fluxbatch.simulator.SimulatorSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With no pace configured, the job adapts to what the API allows: a cap on unfinished
 * tasks holds its submissions instead of drawing a storm of refusals, and an unknown
 * per-second limit is found without many 429s.
 */
@FullLane
class ApiPaceTest {

	private static final Map<String, String> ENVIRONMENT = Map.of("VICSEE_API_KEY", "sk-test-key");

	private static final int ROWS = 40;

	@TempDir
	Path dir;

	@Test
	void anApiCappingUnfinishedTasksHoldsSubmissionsWithoutAStormOfRefusals() throws IOException {
		int cap = 4;
		try (FluxSimulator simulator = FluxSimulator.start(SimulatorSettings.defaults()
			.withLatency(Duration.ofMillis(400), Duration.ofMillis(400))
			.withTinyImages(true)
			.withMaxUnfinishedTasks(cap))) {
			CommandRun run = run(simulator);

			assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.COMPLETED);
			assertThat(CsvRows.read(this.dir.resolve("out/results.csv"))).hasSize(ROWS)
				.allSatisfy((row) -> assertThat(row.get("status")).isEqualTo("COMPLETED"));
			SimulatorCounters counters = simulator.counters();
			assertThat(counters.tasksCreated()).isEqualTo(ROWS);
			// The cap is met once per wave of freed slots, and at most once more while
			// the job looks for the moment the next wave frees; the first meeting may
			// find every submitting thread in flight.
			int waves = ROWS / cap;
			int submitThreads = 8;
			assertThat(counters.concurrencyLimited()).isPositive().isLessThanOrEqualTo(2L * waves + submitThreads);
		}
	}

	@Test
	void anUnknownPerSecondLimitIsFoundWithFewRefusals() throws IOException {
		try (FluxSimulator simulator = FluxSimulator
			.start(SimulatorSettings.defaults().withTinyImages(true).withRequestsPerSecond(10))) {
			CommandRun run = run(simulator);

			assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.COMPLETED);
			SimulatorCounters counters = simulator.counters();
			assertThat(counters.tasksCreated()).isEqualTo(ROWS);
			// A run this short is mostly the search for the limit, which costs a few
			// refusals; a pace that did not back off would be refused by the dozen.
			assertThat(counters.rateLimited()).isLessThanOrEqualTo(counters.apiRequests() / 10);
		}
	}

	private CommandRun run(FluxSimulator simulator) throws IOException {
		StringBuilder csv = new StringBuilder("id,prompt\n");
		for (int i = 1; i <= ROWS; i++) {
			csv.append(i).append(",\"A numbered poster, number ").append(i).append("\"\n");
		}
		Path input = Files.writeString(this.dir.resolve("in.csv"), csv.toString());
		return CommandRun.of(ENVIRONMENT, "run", "--input", input.toString(), "--output",
				this.dir.resolve("out").toString(), "--base-url", simulator.baseUrl(), "--db",
				this.dir.resolve("db").toString());
	}

}
