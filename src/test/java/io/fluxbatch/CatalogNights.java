package io.fluxbatch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.fluxbatch.simulator.FluxSimulator;
import io.fluxbatch.simulator.ReceivedGeneration;
import io.fluxbatch.simulator.SimulatorSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nights of the command line against one simulator, and what it received, by the key
 * results.csv gives each row.
 */
final class CatalogNights implements AutoCloseable {

	private final Path dir;

	private final FluxSimulator simulator = FluxSimulator.start(SimulatorSettings.defaults()
		.withTinyImages(true)
		.withLatency(Duration.ofMillis(20), Duration.ofMillis(40)));

	CatalogNights(Path dir) {
		this.dir = dir;
	}

	/** Runs {@code run} over {@code input} into {@code output}, with more options. */
	CommandRun run(Path input, String output, String... options) throws IOException {
		Path job = Files.writeString(this.dir.resolve("job.yml"), """
				flux.job.poll.first-poll-after: 0ms
				flux.api.requests-per-second: 500
				""");
		List<String> command = new ArrayList<>(List.of("run", "--job", job.toString(), "--input", input.toString(),
				"--output", this.dir.resolve(output).toString(), "--base-url", this.simulator.baseUrl(), "--db",
				this.dir.resolve("db").toString(), "--library", this.dir.resolve("library").toString()));
		command.addAll(List.of(options));
		return CommandRun.of(Map.of("VICSEE_API_KEY", "sk-test-key"), command.toArray(String[]::new));
	}

	/** Like {@link #run}, and checks that it completed. */
	void completed(Path input, String output, String... options) throws IOException {
		CommandRun run = run(input, output, options);
		assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.COMPLETED);
	}

	List<Map<String, String>> results(String output) throws IOException {
		return CsvRows.read(this.dir.resolve(output).resolve("results.csv"));
	}

	List<Map<String, String>> rejects(String output) throws IOException {
		return CsvRows.read(this.dir.resolve(output).resolve("rejects.csv"));
	}

	/** The prompt the API received for each row of results.csv that has a task. */
	Map<String, String> prompts(String output) throws IOException {
		Map<String, String> prompts = new LinkedHashMap<>();
		for (Map<String, String> row : results(output)) {
			if (!row.get("task_id").isEmpty()) {
				prompts.put(row.get("key"), generation(row.get("task_id")).prompt());
			}
		}
		return prompts;
	}

	ReceivedGeneration generation(String taskId) {
		return this.simulator.generations()
			.stream()
			.filter((generation) -> generation.taskId().equals(taskId))
			.findFirst()
			.orElseThrow();
	}

	int generations() {
		return this.simulator.generations().size();
	}

	@Override
	public void close() {
		this.simulator.close();
	}

}
