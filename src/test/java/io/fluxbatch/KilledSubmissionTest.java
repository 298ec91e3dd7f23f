package io.fluxbatch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.fluxbatch.simulator.FluxSimulator;
import io.fluxbatch.simulator.SimulatorSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A POST sent just before the process died counts: {@code attempts} counts every POST
 * that may have reached the API for the row, before and after the crash.
 */
@FullLane
class KilledSubmissionTest {

	@TempDir
	Path dir;

	@Test
	void attemptsCountThePostSentBeforeASigkill() throws Exception {
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
			Path job = Files.writeString(this.dir.resolve("job.yml"), "flux.job.poll.first-poll-after: 0ms\n");
			String[] command = { "run", "--job", job.toString(), "--input", input.toString(), "--output",
					this.dir.resolve("out").toString(), "--base-url", simulator.baseUrl() };
			Process killed = JobProcess.start(this.dir.resolve("killed"), command);
			running.set(killed);
			assertThat(killed.waitFor(2, TimeUnit.MINUTES)).isTrue();
			assertThat(killed.exitValue()).isEqualTo(137);

			CommandRun rerun = CommandRun.of(Map.of("VICSEE_API_KEY", "sk-test-key"), command);

			assertThat(rerun.exitCode()).as(rerun.err()).isEqualTo(ExitCode.COMPLETED);
			List<Map<String, String>> results = CsvRows.read(this.dir.resolve("out/results.csv"));
			List<Map<String, String>> inDoubt = results.stream()
				.filter((row) -> "yes".equals(row.get("duplicate_risk")))
				.toList();
			assertThat(inDoubt).isNotEmpty().allSatisfy((row) -> assertThat(row.get("attempts")).isEqualTo("2"));
			// A row caught SUBMITTING may have died just before its POST left: it counts
			// as
			// sent, since nothing can tell, so attempts never say fewer than were
			// received.
			assertThat(results.stream().mapToLong((row) -> Long.parseLong(row.get("attempts"))).sum()).isBetween(
					simulator.counters().generateRequests(), simulator.counters().generateRequests() + inDoubt.size());
		}
	}

}
