package io.fluxbatch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.fluxbatch.simulator.FluxSimulator;
import io.fluxbatch.simulator.SimulatorSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a hostile or careless CSV cannot do, and where the API key never shows up.
 */
@FullLane
class SecretsAndPathsTest {

	private static final String KEY = "sk-live-5ecret-0123456789abcdef";

	@TempDir
	Path dir;

	@Test
	void theApiKeyIsInNoOutputNoLogAndNoFileOfTheJobDatabase() throws IOException {
		try (FluxSimulator simulator = FluxSimulator.start(SimulatorSettings.defaults().withAcceptedKey(KEY))) {
			CommandRun run = run(simulator, "id,prompt\nA,A kettle on a stove\n");

			assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.COMPLETED);
			assertThat(run.out() + run.err()).doesNotContain(KEY);
			try (Stream<Path> files = Files.walk(this.dir)) {
				for (Path file : files.filter(Files::isRegularFile).toList()) {
					assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).as(file.toString())
						.doesNotContain(KEY);
				}
			}
		}
	}

	@Test
	void aKeyFileOfTwoLinesIsAUsageErrorThatShowsNeitherLineAndSendsNothing() throws IOException {
		try (FluxSimulator simulator = FluxSimulator.start(SimulatorSettings.defaults().withAcceptedKey(KEY))) {
			Path input = Files.writeString(this.dir.resolve("in.csv"), "id,prompt\nA,A kettle on a stove\n");
			CommandRun run = CommandRun.of(Map.of("VICSEE_API_KEY", KEY + "\nsk-second-line-0123456789"), "run",
					"--input", input.toString(), "--output", this.dir.resolve("out").toString(), "--base-url",
					simulator.baseUrl(), "--db", this.dir.resolve("db").toString());

			assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
			assertThat(run.err()).contains("VICSEE_API_KEY holds a space, line break or control character")
				.doesNotContain(KEY)
				.doesNotContain("second-line");
			assertThat(run.problem().lines()).hasSize(1);
			assertThat(simulator.generations()).isEmpty();
		}
	}

	@Test
	void keysFromTheCsvCannotWriteOutsideTheImagesFolder() throws IOException {
		try (FluxSimulator simulator = FluxSimulator.start(SimulatorSettings.defaults())) {
			CommandRun run = run(simulator, """
					id,prompt
					../../escaped,A red bicycle
					/tmp/absolute,A blue bicycle
					CON,A green bicycle
					sub/dir\\file,A white bicycle
					""");

			assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.COMPLETED);
			try (Stream<Path> files = Files.walk(this.dir)) {
				// The library names its files by fingerprint, never by key.
				assertThat(files.filter((file) -> file.toString().endsWith(".png")))
					.allSatisfy((file) -> assertThat(file.getParent().equals(this.dir.resolve("out/images"))
							|| (file.getParent().equals(this.dir.resolve("out/.library"))
									&& file.getFileName().toString().matches("[0-9a-f]{64}\\.png")))
						.as(file.toString())
						.isTrue())
					.hasSize(4 + 4);
			}
			assertThat(CsvRows.read(this.dir.resolve("out/results.csv"))).extracting((row) -> row.get("file"))
				.allSatisfy((file) -> assertThat(this.dir.resolve("out").resolve(file).normalize().getParent())
					.isEqualTo(this.dir.resolve("out/images")));
		}
	}

	@Test
	void cellsThatASpreadsheetWouldRunAsFormulasAreNeutralisedInTheResults() throws IOException {
		try (FluxSimulator simulator = FluxSimulator.start(SimulatorSettings.defaults())) {
			CommandRun run = run(simulator, """
					id,prompt,note
					A,=HYPERLINK("http://evil.example/steal"),+1+cmd
					B,A plain prompt,@SUM(A1)
					""");

			assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.COMPLETED);
			List<Map<String, String>> results = CsvRows.read(this.dir.resolve("out/results.csv"));
			assertThat(results).extracting((row) -> row.get("prompt"))
				.containsExactly("'=HYPERLINK(\"http://evil.example/steal\")", "A plain prompt");
			assertThat(results).extracting((row) -> row.get("note")).containsExactly("'+1+cmd", "'@SUM(A1)");
		}
	}

	private CommandRun run(FluxSimulator simulator, String csv) throws IOException {
		Path input = Files.writeString(this.dir.resolve("in.csv"), csv);
		Path job = Files.writeString(this.dir.resolve("job.yml"), "flux.job.poll.first-poll-after: 0ms\n");
		return CommandRun.of(Map.of("VICSEE_API_KEY", KEY), "run", "--job", job.toString(), "--input", input.toString(),
				"--output", this.dir.resolve("out").toString(), "--base-url", simulator.baseUrl(), "--db",
				this.dir.resolve("db").toString());
	}

}
