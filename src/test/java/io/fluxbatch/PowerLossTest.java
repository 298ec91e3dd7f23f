package io.fluxbatch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.fluxbatch.simulator.FluxSimulator;
import io.fluxbatch.simulator.SimulatorSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commits around a paid request reach the disk before the next request goes out, on
 * H2 (observed through the file system: the forces H2 makes) as PostgreSQL's synchronous
 * commit does there; a power cut, simulated by putting back the database file as it last
 * reached the disk, takes back no task id, so nothing is paid twice unflagged.
 */
@FullLane
class PowerLossTest {

	private static final Map<String, String> KEY = Map.of("VICSEE_API_KEY", "sk-test-key");

	@TempDir
	Path dir;

	@Test
	void eachPostAndEachTaskIdIsOnTheDiskBeforeTheNextRequest() throws Exception {
		SyncedDisk.register();
		int rows = 8;
		try (FluxSimulator simulator = FluxSimulator
			.start(SimulatorSettings.defaults().withLatency(Duration.ofMillis(20), Duration.ofMillis(20)))) {
			List<Long> forcesAtPost = new CopyOnWriteArrayList<>();
			simulator.setRequestListener((kind) -> {
				if (kind.equals("generate")) {
					forcesAtPost.add(SyncedDisk.forces());
				}
			});
			Path input = Files.writeString(this.dir.resolve("in.csv"), prompts(rows));
			Path job = Files.writeString(this.dir.resolve("job.yml"), "flux.job.submit-concurrency: 1\n");
			long before = SyncedDisk.forces();

			CommandRun run = CommandRun.of(KEY, "run", "--job", job.toString(), "--input", input.toString(), "--output",
					this.dir.resolve("out").toString(), "--base-url", simulator.baseUrl(), "--db-url",
					"jdbc:h2:synced:" + this.dir.resolve("db/flux-batch") + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");

			assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.COMPLETED);
			assertThat(forcesAtPost).hasSize(rows);
			for (int post = 0; post < rows; post++) {
				// Before POST k: the k-1 earlier rows' SUBMITTING and task-id commits,
				// and this row's SUBMITTING commit, each forced to the device.
				assertThat(forcesAtPost.get(post) - before).as("forces before POST %d", post + 1)
					.isGreaterThanOrEqualTo(2L * post + 1);
			}
		}
	}

	@Test
	void aPowerCutAfterPaidSubmissionsTakesBackNoTaskId() throws Exception {
		int rows = 20;
		try (FluxSimulator simulator = FluxSimulator
			.start(SimulatorSettings.defaults().withLatency(Duration.ofMillis(30), Duration.ofMillis(30)))) {
			AtomicReference<Process> running = new AtomicReference<>();
			AtomicInteger posts = new AtomicInteger();
			simulator.setRequestListener((kind) -> {
				if (kind.equals("generate") && posts.incrementAndGet() == rows / 2) {
					Process process = running.getAndSet(null);
					if (process != null) {
						process.destroyForcibly();
					}
				}
			});
			Path input = Files.writeString(this.dir.resolve("in.csv"), prompts(rows));
			Path job = Files.writeString(this.dir.resolve("job.yml"), "flux.job.poll.first-poll-after: 0ms\n");
			Path database = this.dir.resolve("db/flux-batch");
			Process cut = JobProcess.startMain(SyncedDisk.class, Path.of(""), Map.of(), this.dir.resolve("cut"), "run",
					"--job", job.toString(), "--input", input.toString(), "--output",
					this.dir.resolve("out").toString(), "--base-url", simulator.baseUrl(), "--db-url",
					"jdbc:h2:synced:" + database + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
			running.set(cut);
			assertThat(cut.waitFor(2, TimeUnit.MINUTES)).isTrue();
			assertThat(cut.exitValue()).as("killed").isEqualTo(137);
			// The power cut: what had not reached the disk is gone (all of the file, if
			// nothing of it ever did).
			Path synced = Path.of(database + ".mv.db" + SyncedDisk.SYNCED);
			if (Files.exists(synced)) {
				Files.move(synced, Path.of(database + ".mv.db"), StandardCopyOption.REPLACE_EXISTING);
			}
			else {
				Files.delete(Path.of(database + ".mv.db"));
			}

			CommandRun rerun = CommandRun.of(KEY, "run", "--job", job.toString(), "--input", input.toString(),
					"--output", this.dir.resolve("out").toString(), "--base-url", simulator.baseUrl(), "--db",
					database.getParent().toString());

			assertThat(rerun.exitCode()).as(rerun.err()).isEqualTo(ExitCode.COMPLETED);
			List<Map<String, String>> results = CsvRows.read(this.dir.resolve("out/results.csv"));
			RunChecks.assertEveryRowFinal(results, rows);
			RunChecks.assertNoUnflaggedDuplicates(simulator, results);
		}
	}

	private static String prompts(int rows) {
		StringBuilder csv = new StringBuilder("prompt\n");
		for (int i = 1; i <= rows; i++) {
			csv.append("A poster of the number ").append(i).append('\n');
		}
		return csv.toString();
	}

}
