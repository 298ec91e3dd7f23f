package io.fluxbatch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.fluxbatch.simulator.FluxSimulator;
import io.fluxbatch.simulator.ReceivedGeneration;
import io.fluxbatch.simulator.SimulatorSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A failed generation costs nothing, so its row is generated again, up to a limit.
 */
@FullLane
class GenerationFailureTest {

	private static final Map<String, String> ENVIRONMENT = Map.of("VICSEE_API_KEY", "sk-test-key");

	@TempDir
	Path dir;

	@Test
	void aRowWhoseGenerationsAllFailIsTriedMaxGenerationsTimesThenFailsWithTheApisReason() throws IOException {
		try (FluxSimulator simulator = FluxSimulator
			.start(SimulatorSettings.defaults().withGenerationFailureRate(1.0))) {
			CommandRun run = run(simulator, "id,prompt\nA,A lighthouse in a storm\nB,A fox in the snow\n");

			assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.COMPLETED);
			assertThat(CsvRows.read(this.dir.resolve("out/results.csv"))).allSatisfy((row) -> {
				assertThat(row.get("status")).isEqualTo("FAILED");
				assertThat(row.get("error")).startsWith("GENERATION_FAILED").endsWith("(failed 3 of 3 attempts)");
				assertThat(row.get("credits")).isEqualTo("0");
				assertThat(row.get("attempts")).isEqualTo("3");
			});
			assertThat(simulator.generations()).extracting(ReceivedGeneration::prompt)
				.containsOnly("A lighthouse in a storm", "A fox in the snow")
				.hasSize(6);
			assertThat(simulator.counters().creditsCharged()).isZero();
		}
	}

	@Test
	void aRowWhoseGenerationFailsOnceIsGeneratedAgainAndChargedOnce() throws IOException {
		try (FluxSimulator simulator = FluxSimulator
			.start(SimulatorSettings.defaults().withGenerationFailureRate(0.5).withRandomSeed(7))) {
			StringBuilder csv = new StringBuilder("id,prompt\n");
			for (int i = 1; i <= 20; i++) {
				csv.append(i).append(",\"A numbered poster, number ").append(i).append("\"\n");
			}
			CommandRun run = run(simulator, csv.toString());

			assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.COMPLETED);
			var results = CsvRows.read(this.dir.resolve("out/results.csv"));
			long completed = results.stream().filter((row) -> row.get("status").equals("COMPLETED")).count();
			assertThat(results).extracting((row) -> row.get("status")).containsOnly("COMPLETED", "FAILED");
			assertThat(results).filteredOn((row) -> Integer.parseInt(row.get("attempts")) > 1).isNotEmpty();
			assertThat(simulator.counters().creditsCharged()).isEqualTo(15 * completed);
			assertThat(CsvRows.read(this.dir.resolve("out/totals.csv")))
				.filteredOn((line) -> line.get("model").equals("TOTAL"))
				.singleElement()
				.satisfies((total) -> assertThat(total.get("credits")).isEqualTo(Long.toString(15 * completed)));
		}
	}

	private CommandRun run(FluxSimulator simulator, String csv) throws IOException {
		Path input = Files.writeString(this.dir.resolve("in.csv"), csv);
		Path job = Files.writeString(this.dir.resolve("job.yml"), """
				flux:
				  job:
				    poll:
				      first-poll-after: 0ms
				  api:
				    requests-per-second: 500
				""");
		return CommandRun.of(ENVIRONMENT, "run", "--job", job.toString(), "--input", input.toString(), "--output",
				this.dir.resolve("out").toString(), "--base-url", simulator.baseUrl(), "--db",
				this.dir.resolve("db").toString());
	}

}
