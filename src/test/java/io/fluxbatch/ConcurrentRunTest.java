package io.fluxbatch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.fluxbatch.simulator.FluxSimulator;
import io.fluxbatch.simulator.SimulatorSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two commands on one job database: the second must refuse rather than run the job twice.
 */
@FullLane
class ConcurrentRunTest {

	@TempDir
	Path dir;

	@Test
	void aSecondCommandBesideALiveRunRefusesWithAClearMessage() throws Exception {
		try (FluxSimulator simulator = FluxSimulator
			.start(SimulatorSettings.defaults().withLatency(Duration.ofMinutes(5), Duration.ofMinutes(5)))) {
			CountDownLatch submitting = new CountDownLatch(1);
			simulator.setRequestListener((kind) -> submitting.countDown());
			Path input = Files.writeString(this.dir.resolve("in.csv"), "prompt\nA slow lighthouse at dusk\n");
			String[] command = { "run", "--input", input.toString(), "--output", this.dir.resolve("out").toString(),
					"--base-url", simulator.baseUrl(), "--db", this.dir.resolve("db").toString() };
			Process first = JobProcess.start(this.dir.resolve("first"), command);
			try {
				assertThat(submitting.await(2, TimeUnit.MINUTES)).as("the first run is submitting").isTrue();

				CommandRun second = CommandRun.of(Map.of("VICSEE_API_KEY", "sk-test-key"), command);

				assertThat(second.exitCode()).isEqualTo(ExitCode.FAILED);
				assertThat(second.problem()).startsWith("flux-batch: another flux-batch run is using the job database")
					.doesNotContain("\n");
				assertThat(simulator.counters().generateRequests()).isEqualTo(1);
			}
			finally {
				first.destroyForcibly().waitFor();
			}
		}
	}

}
