package io.fluxbatch;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;
import io.fluxbatch.simulator.FluxSimulator;
import io.fluxbatch.simulator.SimulatorSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the person running the job sees: progress lines while it runs, the status of past,
 * stopped and living runs, a notification after the command, dated log lines that end
 * with the outcome and exit code, the version and a suggestion for a typo.
 */
@FullLane
class OperatorViewTest {

	private static final Map<String, String> ENVIRONMENT = Map.of("VICSEE_API_KEY", "sk-test-key");

	/** ISO 8601, with milliseconds and the offset. */
	private static final Pattern DATED = Pattern
		.compile("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}(Z|[+-]\\d{2}:\\d{2}) ");

	private static final Pattern PROGRESS = Pattern.compile("progress: (?:\\w+: )?rows (\\d+)/(\\d+) \\(\\d+%\\), "
			+ "generated (\\d+), reused (\\d+), failed (\\d+), [\\d.]+ images/min, credits (\\d+), requests (\\d+) "
			+ "\\(429: (\\d+)\\), ETA \\S+");

	@TempDir
	Path dir;

	private FluxSimulator simulator;

	@BeforeEach
	void startSimulator() {
		this.simulator = FluxSimulator
			.start(SimulatorSettings.defaults().withLatency(Duration.ofMillis(100), Duration.ofMillis(100)));
	}

	@AfterEach
	void stopSimulator() {
		this.simulator.close();
	}

	@Test
	void aRunNotOnATerminalPrintsDatedProgressLinesWithEveryFigureAndTheTotalsLast() throws Exception {
		Path input = catalog(12);
		Path job = job("flux.job.progress-interval: 100ms\n");

		Process process = JobProcess.start(this.dir.resolve("night"), "run", "--job", job.toString(), "--input",
				input.toString(), "--output", output().toString(), "--base-url", this.simulator.baseUrl());

		assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
		String out = Files.readString(this.dir.resolve("night.out"));
		assertThat(process.exitValue()).as(out + Files.readString(this.dir.resolve("night.err"))).isZero();
		List<String> progress = out.lines().filter((line) -> line.contains(" progress: ")).toList();
		assertThat(progress).as(out).hasSizeGreaterThanOrEqualTo(3);
		assertThat(progress).allSatisfy((line) -> {
			assertThat(line).matches(DATED.pattern() + ".*");
			assertThat(PROGRESS.matcher(line).find()).as(line).isTrue();
		});
		String last = progress.get(progress.size() - 1);
		assertThat(last).contains("progress: done: rows 12/12 (100%), generated 12, reused 0, failed 0")
			.contains("credits 180")
			.contains("ETA done");
		Matcher totals = PROGRESS.matcher(last);
		assertThat(totals.find()).isTrue();
		assertThat(Long.parseLong(totals.group(7))).isEqualTo(this.simulator.counters().apiRequests());
		assertThat(out.lines().filter((line) -> !line.startsWith("flux-batch: ")))
			.allSatisfy((line) -> assertThat(line).matches(DATED.pattern() + ".*"));
		assertThat(out).doesNotContain("HV000001").doesNotContain("Hibernate Validator");
		assertThat(out.lines().reduce((first, second) -> second)).hasValue("flux-batch: run completed, exit 0");
		assertThat(output().resolve(".flux-batch/flux-batch.trace.db")).doesNotExist();
	}

	@Test
	void statusListsAFinishedRunAndSaysThereIsNothingToDo() throws Exception {
		Path input = catalog(3);
		CommandRun run = run(input);
		assertThat(run.exitCode()).as(run.err()).isZero();

		CommandRun status = CommandRun.of(Map.of(), "status", "--output", output().toString());

		assertThat(status.exitCode()).as(status.err()).isZero();
		assertThat(status.out()).contains("commands, newest first:")
			.contains("run 1: " + input.toAbsolutePath() + " -> " + output().toAbsolutePath())
			.contains("completed (exit 0)")
			.contains("rows COMPLETED 3; credits 45; requests ")
			.contains("rows: 3 (COMPLETED 3)")
			.contains("next command: nothing to do");
		assertThat(status.out().lines().reduce((first, second) -> second))
			.hasValue("flux-batch: status completed, exit 0");
	}

	@Test
	void statusOfAStoppedRunSaysWhyRowsWaitAndThatTheNextCommandContinuesIt() throws Exception {
		Path input = catalog(5);
		CommandRun first = run(input, "--max-credits", "30");
		assertThat(first.exitCode()).as(first.err()).isEqualTo(ExitCode.STOPPED);
		CommandRun second = run(input, "--max-credits", "15");
		assertThat(second.exitCode()).as(second.err()).isEqualTo(ExitCode.STOPPED);

		CommandRun status = CommandRun.of(Map.of(), "status", "--output", output().toString());

		assertThat(status.exitCode()).as(status.err()).isZero();
		assertThat(status.out()).contains("stopped (exit 4)")
			.contains("rows COMPLETED 3, PENDING 2; credits 15")
			.contains("rows COMPLETED 2, PENDING 3; credits 30")
			.contains("why 2 rows are PENDING:")
			.contains("next command: continue run 1 (2 rows to finish)");
		assertThat(status.out().indexOf("credits 15")).as("newest first")
			.isLessThan(status.out().indexOf("credits 30"));
	}

	@Test
	void statusOfARunAliveInAnotherProcessShowsItsProgressMoving() throws Exception {
		this.simulator.close();
		this.simulator = FluxSimulator
			.start(SimulatorSettings.defaults().withLatency(Duration.ofMillis(400), Duration.ofMillis(400)));
		// 60 rows at 4 requests a second: the run stays alive for half a minute, far
		// longer
		// than two status commands take, even on a loaded machine.
		Path input = catalog(60);
		Path job = Files.writeString(this.dir.resolve("slow.yml"), """
				flux:
				  api:
				    requests-per-second: 4
				  job:
				    submit-concurrency: 2
				""");
		Process process = JobProcess.start(this.dir.resolve("alive"), "run", "--job", job.toString(), "--input",
				input.toString(), "--output", output().toString(), "--base-url", this.simulator.baseUrl());
		try {
			String firstLine = awaitLiveLine(null, process);
			String movedLine = awaitLiveLine(firstLine, process);

			assertThat(movedLine).isNotEqualTo(firstLine);
			assertThat(firstLine).matches(".*rows \\d+/\\d+ .*requests \\d+ .*");
		}
		finally {
			assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
		}
		assertThat(process.exitValue()).isZero();
		CommandRun after = CommandRun.of(Map.of(), "status", "--output", output().toString());
		assertThat(after.out()).contains("completed (exit 0)").contains("rows COMPLETED 60");
	}

	/**
	 * Asks status until it shows the living run with figures other than {@code before}.
	 */
	private String awaitLiveLine(String before, Process process) {
		Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
		while (Instant.now().isBefore(deadline) && process.isAlive()) {
			CommandRun status = CommandRun.of(Map.of(), "status", "--output", output().toString());
			String line = status.out()
				.lines()
				.filter((candidate) -> candidate.contains(", stage ") && candidate.contains("rows "))
				.findFirst()
				.map((candidate) -> candidate.substring(candidate.indexOf("rows ")))
				.orElse(null);
			if (status.out().contains("running: pid ") && line != null && !line.equals(before)) {
				return line;
			}
			Thread.onSpinWait();
		}
		throw new AssertionError("status never showed the living run's progress moving");
	}

	@Test
	void statusWithoutADatabaseExitsTwo() {
		CommandRun status = CommandRun.of(Map.of(), "status", "--output", this.dir.resolve("none").toString());

		assertThat(status.exitCode()).isEqualTo(ExitCode.USAGE);
		assertThat(status.err()).contains("no job database in");
	}

	@Test
	void aSummaryIsPostedAfterTheCommandAndAReceiverThatIsDownFailsNothing() throws Exception {
		BlockingQueue<String> received = new LinkedBlockingQueue<>();
		HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		receiver.createContext("/hooks/night", (exchange) -> {
			received.add(exchange.getRequestMethod() + " "
					+ new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		receiver.start();
		try {
			Path input = catalog(2);
			CommandRun run = run(input, "--notify-url",
					"http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/night");

			assertThat(run.exitCode()).as(run.err()).isZero();
			String request = received.poll(1, TimeUnit.MINUTES);
			assertThat(request).startsWith("POST ");
			JsonNode notice = JsonMapper.builder().build().readTree(request.substring(5));
			assertThat(notice.get("command").asString()).isEqualTo("run");
			assertThat(notice.get("outcome").asString()).isEqualTo("completed");
			assertThat(notice.get("exitCode").asInt()).isZero();
			assertThat(notice.get("rowsByStatus").get("COMPLETED").asLong()).isEqualTo(2);
			assertThat(notice.get("credits").asLong()).isEqualTo(30);
			assertThat(notice.get("output").asString()).isEqualTo(output().toAbsolutePath().toString());
			assertThat(notice.get("text").asString())
				.isEqualTo("flux-batch run: completed (exit 0); rows COMPLETED 2; credits 30; output "
						+ output().toAbsolutePath());
		}
		finally {
			receiver.stop(0);
		}

		CommandRun unreachable = run(catalog(2), "--notify-url", "http://127.0.0.1:9/nobody-listens");
		assertThat(unreachable.exitCode()).as(unreachable.err()).isZero();
	}

	@Test
	void theLogFileGetsDatedLinesOfEveryCommandAppended() throws Exception {
		Path input = catalog(2);
		Path log = this.dir.resolve("night.log");
		CommandRun run = run(input, "--log-file", log.toString());
		assertThat(run.exitCode()).as(run.err()).isZero();

		List<String> lines = Files.readAllLines(log);

		assertThat(lines).isNotEmpty()
			.allSatisfy((line) -> assertThat(line).matches(DATED.pattern() + ".*"))
			.anySatisfy((line) -> assertThat(line).contains("rows: 2 (COMPLETED 2)"));
	}

	@Test
	void versionTyposAndHelpSpeakToAPerson() {
		CommandRun version = CommandRun.of(Map.of(), "-V");
		CommandRun typo = CommandRun.of(Map.of(), "rnu", "--input", "x.csv");
		CommandRun optionTypo = CommandRun.of(Map.of(), "status", "--ouptut", "x");
		CommandRun help = CommandRun.of(Map.of(), "run", "--help");

		assertThat(version.exitCode()).isZero();
		assertThat(version.out()).matches("flux-batch \\d+\\.\\d+\\.\\d+.*\\R?");
		assertThat(typo.exitCode()).isEqualTo(ExitCode.USAGE);
		assertThat(typo.err()).contains("did you mean run?");
		assertThat(typo.err().lines().reduce((first, second) -> second))
			.hasValue("flux-batch: command ended with a usage error, exit 2");
		assertThat(optionTypo.err()).contains("did you mean --output");
		assertThat(help.out()).contains("Exit codes:")
			.contains("4   stopped")
			.contains("VICSEE_API_KEY")
			.contains("flux-batch run --input catalog.csv --output out/ --simulate");
	}

	private CommandRun run(Path input, String... more) throws IOException {
		List<String> arguments = new java.util.ArrayList<>(List.of("run", "--job", job("").toString(), "--input",
				input.toString(), "--output", output().toString(), "--base-url", this.simulator.baseUrl()));
		arguments.addAll(List.of(more));
		return CommandRun.of(ENVIRONMENT, arguments.toArray(String[]::new));
	}

	private Path output() {
		return this.dir.resolve("out");
	}

	private Path catalog(int rows) throws IOException {
		StringBuilder csv = new StringBuilder("sku,prompt\n");
		for (int i = 1; i <= rows; i++) {
			csv.append("P-").append(i).append(",Product photo number ").append(i).append(" on a plain background\n");
		}
		return Files.writeString(this.dir.resolve("catalog-" + rows + ".csv"), csv);
	}

	private Path job(String more) throws IOException {
		return Files.writeString(this.dir.resolve("job-" + Math.abs(more.hashCode()) + ".yml"), """
				flux:
				  api:
				    requests-per-second: 500
				  job:
				    poll:
				      first-poll-after: 0ms
				""" + more);
	}

}
