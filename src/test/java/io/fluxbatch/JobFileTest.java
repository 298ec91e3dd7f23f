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
 * A job file holds a run's settings; the command line's options win over it.
 */
@FullLane
class JobFileTest {

	private static final Map<String, String> ENVIRONMENT = Map.of("VICSEE_API_KEY", "sk-test-key");

	@TempDir
	Path dir;

	@Test
	void aJobFileSuppliesInputOutputAndDefaultsAndTheCommandLineOverridesThem() throws IOException {
		Path input = Files.writeString(this.dir.resolve("catalog.csv"), "id,prompt\nA,A red kite over the dunes\n");
		Path job = Files.writeString(this.dir.resolve("nightly.yml"), """
				flux:
				  job:
				    input: %s
				    output: %s
				    model: flex
				    resolution: 2K
				    aspect-ratio: "16:9"
				    poll:
				      first-poll-after: 0ms
				""".formatted(input, this.dir.resolve("out")));
		try (FluxSimulator simulator = FluxSimulator.start(SimulatorSettings.defaults())) {
			CommandRun run = CommandRun.of(ENVIRONMENT, "run", "--job", job.toString(), "--resolution", "1K",
					"--base-url", simulator.baseUrl(), "--db", this.dir.resolve("db").toString());

			assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.COMPLETED);
			assertThat(simulator.generations()).singleElement()
				.extracting(ReceivedGeneration::model, ReceivedGeneration::resolution, ReceivedGeneration::aspectRatio)
				.containsExactly("flux-2/flex-text-to-image", "1K", "16:9");
		}
		assertThat(this.dir.resolve("out/images/A.png")).exists();
	}

	@Test
	void theShippedNightlyJobRunsTheSampleCatalogAgainstTheSimulator() throws IOException {
		Path output = this.dir.resolve("nightly");

		Path library = this.dir.resolve("library");

		CommandRun run = CommandRun.of(ENVIRONMENT, "run", "--job", "jobs/nightly-catalog.yml", "--simulate",
				"--output", output.toString(), "--db", this.dir.resolve("db").toString(), "--library",
				library.toString());

		assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.COMPLETED);
		assertThat(CsvRows.read(output.resolve("results.csv"))).hasSize(29);
		try (var stored = Files.list(library)) {
			assertThat(stored.filter((file) -> file.toString().endsWith(".properties"))).hasSize(23);
		}

		CommandRun secondNight = CommandRun.of(ENVIRONMENT, "run", "--job", "jobs/nightly-catalog.yml", "--simulate",
				"--output", output.toString(), "--db", this.dir.resolve("db").toString(), "--library",
				library.toString());

		assertThat(secondNight.exitCode()).as(secondNight.err()).isEqualTo(ExitCode.COMPLETED);
		assertThat(CsvRows.read(output.resolve("totals.csv"))).filteredOn((line) -> line.get("model").equals("TOTAL"))
			.singleElement()
			.satisfies((total) -> assertThat(total).containsEntry("credits", "0").containsEntry("reused", "23"));
	}

	@Test
	void aMissingJobFileIsAUsageError() {
		CommandRun run = CommandRun.of(ENVIRONMENT, "run", "--job", this.dir.resolve("nope.yml").toString());

		assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
		assertThat(run.err()).contains("job file not found");
	}

}
