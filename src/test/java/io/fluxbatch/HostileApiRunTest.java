package io.fluxbatch;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import com.sun.net.httpserver.HttpHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.fluxbatch.HostileServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Whole runs against an API (and CDN) that does not keep to the vendor's pages: each run
 * ends, no row is lost, and no image is paid twice without its row saying so.
 */
@FullLane
class HostileApiRunTest {

	private static final String KEY = "sk-hostile-test-0123456789";

	private static final String GENERATE = "/api/v1/generate";

	@TempDir
	Path dir;

	private final HostileServer api = HostileServer.start();

	private final HostileServer cdn = HostileServer.startOnAnotherHost();

	@AfterEach
	void close() {
		this.api.close();
		this.cdn.close();
	}

	@Test
	void aTaskIdOf301CharactersIsKeptAndPolledSoThreeRunsSendOnePost() throws IOException {
		String id = "t".repeat(301);
		submitsAnswer("{\"taskId\": \"" + id + "\", \"status\": \"pending\"}");
		pollsAnswer(id, completed("/img/a.png"));
		this.cdn.on("GET /img/a.png", image());

		for (int night = 1; night <= 3; night++) {
			CommandRun run = run("id,prompt\nA,A kettle on a stove\n");
			assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.COMPLETED);
		}

		assertThat(this.api.count("POST", GENERATE)).isEqualTo(1);
		assertThat(results().get(0)).containsEntry("status", "COMPLETED");
	}

	@Test
	void creditsOutOfRangeAreNeverMoneyAndNoRerunSendsAnUnflaggedPost() throws IOException {
		submitsAnswer("{\"success\": true, \"data\": {\"id\": \"task_1\", \"status\": \"pending\", "
				+ "\"creditsUsed\": 1e30, \"creditsRemaining\": 5}}");

		for (int rerun = 1; rerun <= 3; rerun++) {
			CommandRun run = run("id,prompt\nA,A kettle on a stove\n");

			assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.FAILED);
			Map<String, String> row = results().get(0);
			assertThat(row).containsEntry("status", "PENDING").containsEntry("duplicate_risk", "yes");
			assertThat(row.get("error")).contains("creditsUsed");
			// Every POST is counted on its row; each after the first was sent flagged.
			assertThat(row).containsEntry("attempts", String.valueOf(this.api.count("POST", GENERATE)));
			assertThat(this.api.count("POST", GENERATE)).isEqualTo(rerun);
		}
	}

	@Test
	void negativeCreditsNeverReachTheTotals() throws IOException {
		submitsAnswer("{\"success\": true, \"data\": {\"id\": \"task_1\", \"status\": \"pending\", "
				+ "\"creditsUsed\": -100000}}");

		CommandRun run = run("id,prompt\nA,A kettle on a stove\n");

		assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.FAILED);
		assertThat(Files.readString(this.dir.resolve("out/totals.csv"))).doesNotContain("-100000", "-200000");
		assertThat(results().get(0)).containsEntry("duplicate_risk", "yes");
	}

	@Test
	void anUnknownStatusWordAtSubmitAndPollIsPolledAgainNeverFailedNorPaidAgain() throws IOException {
		submitsAnswer("{\"taskId\": \"task_1\", \"status\": \"queued-for-gpu\"}");
		pollsAnswer("task_1", "{\"taskId\": \"task_1\", \"status\": \"generating\"}");

		CommandRun first = run("id,prompt\nA,A kettle on a stove\n");

		assertThat(first.exitCode()).as(first.err()).isEqualTo(ExitCode.FAILED);
		assertThat(results().get(0)).containsEntry("status", "PENDING").containsEntry("task_id", "task_1");
		assertThat(this.api.count("GET", "/api/v1/tasks/task_1")).isGreaterThanOrEqualTo(2);

		pollsAnswer("task_1", completed("/img/a.png"));
		this.cdn.on("GET /img/a.png", image());
		CommandRun second = run("id,prompt\nA,A kettle on a stove\n");

		assertThat(second.exitCode()).as(second.err()).isEqualTo(ExitCode.COMPLETED);
		assertThat(results().get(0)).containsEntry("status", "COMPLETED").containsEntry("duplicate_risk", "");
		assertThat(this.api.count("POST", GENERATE)).isEqualTo(1);
	}

	@Test
	void aCdnThatTricklesEndsTheRunWithTheRowPendingAndItsReason() throws IOException {
		submitsAnswer("{\"taskId\": \"task_1\", \"status\": \"pending\"}");
		pollsAnswer("task_1", completed("/img/slow.png"));
		this.cdn.on("GET /img/slow.png", this.cdn.trickles("image/png", 1_000_000, Duration.ofMillis(50)));
		this.api.on("GET /api/v1/tasks/task_1/download", (exchange) -> json(exchange, 200,
				"{\"data\": {\"url\": \"" + this.cdn.origin() + "/img/lying.png\", \"expiresAt\": null}}"));
		this.cdn.on("GET /img/lying.png", this.cdn.stalls("image/png", new byte[] { (byte) 0x89 }, 1_000_000));

		CommandRun run = run("id,prompt\nA,A kettle on a stove\n");

		assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.FAILED);
		Map<String, String> row = results().get(0);
		assertThat(row).containsEntry("status", "PENDING");
		assertThat(row.get("error")).contains("did not arrive within");
		assertThat(this.cdn.count("GET", "/img/slow.png")).isEqualTo(2);
		assertThat(this.cdn.count("GET", "/img/lying.png")).isEqualTo(2);
		assertThat(this.cdn.received()).allSatisfy((request) -> assertThat(request.authorization()).isNull());
	}

	@Test
	void anEndlessApiAnswerIsAClearFailureAndTheDatabaseIsReleased() throws IOException {
		this.api.on("POST " + GENERATE, HostileServer.endless(1_500_000_000L));

		CommandRun first = run("id,prompt\nA,A kettle on a stove\n");

		assertThat(first.exitCode()).as(first.err()).isEqualTo(ExitCode.FAILED);
		assertThat(results().get(0).get("error")).contains("longer than 1048576 bytes");
		submitsAnswer("{\"taskId\": \"task_1\", \"status\": \"pending\"}");
		pollsAnswer("task_1", completed("/img/a.png"));
		this.cdn.on("GET /img/a.png", image());
		CommandRun second = run("id,prompt\nA,A kettle on a stove\n");
		assertThat(second.exitCode()).as(second.err()).isEqualTo(ExitCode.COMPLETED);
		assertThat(results().get(0)).containsEntry("duplicate_risk", "yes");
	}

	@Test
	void aResultUrlOf5000CharactersIsKeptAndFetched() throws IOException {
		String path = "/img/" + "u".repeat(5000) + ".png";
		submitsAnswer("{\"taskId\": \"task_1\", \"status\": \"pending\"}");
		pollsAnswer("task_1", completed(path));
		this.cdn.on("GET " + path, image());

		CommandRun run = run("id,prompt\nA,A kettle on a stove\n");

		assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.COMPLETED);
		assertThat(results().get(0)).containsEntry("status", "COMPLETED")
			.containsEntry("output_url", this.cdn.origin() + path);
		assertThat(this.dir.resolve("out/images/A.png")).exists();
	}

	@Test
	void anErrorOf5000CharactersStartingWithTabAndCarriageReturnIsShortAndNeutralised() throws IOException {
		this.api.on("POST " + GENERATE, (exchange) -> json(exchange, 400, "{\"success\": false, \"error\": "
				+ "{\"code\": \"INVALID_PROMPT\", \"message\": \"\\t\\r=HYPERLINK(1)" + "x".repeat(5000) + "\"}}"));
		this.api.on("POST " + GENERATE + "-unused", (exchange) -> json(exchange, 404, "{}"));

		CommandRun run = run("id,prompt\nA,A kettle on a stove\nB,\"\t=HYPERLINK(2)\"\n");

		assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.COMPLETED);
		List<Map<String, String>> results = results();
		assertThat(results.get(0)).containsEntry("status", "FAILED");
		assertThat(results.get(0).get("error")).startsWith("INVALID_PROMPT: =HYPERLINK(1)xxx").hasSizeLessThan(600);
		assertThat(Files.readString(this.dir.resolve("out/results.csv"))).doesNotContain(",\t=HYPERLINK")
			.doesNotContain("\"\t=HYPERLINK");
	}

	@Test
	void aKeyOf1001CharactersIsRejectedByValidateAndRunAlikeAndTheRestIsDone() throws IOException {
		submitsAnswer("{\"taskId\": \"task_1\", \"status\": \"pending\"}");
		pollsAnswer("task_1", completed("/img/a.png"));
		this.cdn.on("GET /img/a.png", image());
		String csv = "id,prompt\n" + "K".repeat(1001) + ",A kettle on a stove\nB,A teapot on a table\n";
		Path input = Files.writeString(this.dir.resolve("in.csv"), csv);

		CommandRun validate = CommandRun.of(Map.of(), "validate", "--input", input.toString());
		CommandRun run = run(csv);

		assertThat(validate.exitCode()).as(validate.err()).isEqualTo(1);
		assertThat(validate.out()).contains("is 1001 characters long; keys may have at most 1000");
		assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.COMPLETED);
		assertThat(results()).extracting((row) -> row.get("status")).containsExactly("REJECTED", "COMPLETED");
		assertThat(this.api.count("POST", GENERATE)).isEqualTo(1);
	}

	@Test
	void aReadOnlyOutputFolderIsOneClearLineAndNothingIsPaid() throws IOException {
		submitsAnswer("{\"taskId\": \"task_1\", \"status\": \"pending\"}");
		Path out = Files.createDirectories(this.dir.resolve("out"));
		makeReadOnly(out);
		try {
			CommandRun run = run("id,prompt\nA,A kettle on a stove\n");

			assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
			assertThat(run.err().strip()).startsWith("flux-batch: cannot write to the output folder " + out)
				.contains("nothing was submitted")
				.doesNotContain("Exception");
			assertThat(run.problem().lines()).hasSize(1);
			assertThat(this.api.received()).isEmpty();
		}
		finally {
			makeWritable(out);
		}
	}

	private void submitsAnswer(String body) {
		this.api.on("POST " + GENERATE, (exchange) -> json(exchange, 200, body));
	}

	private void pollsAnswer(String taskId, String body) {
		this.api.on("GET /api/v1/tasks/" + taskId, (exchange) -> json(exchange, 200, body));
	}

	private String completed(String path) {
		return "{\"taskId\": \"x\", \"status\": \"completed\", \"output\": {\"url\": \"" + this.cdn.origin() + path
				+ "\", \"width\": 8, \"height\": 8}}";
	}

	private static HttpHandler image() {
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		try {
			ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", png);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return (exchange) -> {
			exchange.getResponseHeaders().set("Content-Type", "image/png");
			exchange.sendResponseHeaders(200, png.size());
			exchange.getResponseBody().write(png.toByteArray());
		};
	}

	private CommandRun run(String csv) throws IOException {
		Path input = Files.writeString(this.dir.resolve("in.csv"), csv);
		Path job = Files.writeString(this.dir.resolve("job.yml"), """
				flux.job.poll.first-poll-after: 0ms
				flux.job.poll.max-interval: 20ms
				flux.job.poll.timeout: 300ms
				flux.api.read-timeout: 2s
				flux.api.retry.max-attempts: 2
				flux.api.retry.initial-backoff: 1ms
				flux.api.retry.max-backoff: 5ms
				flux.download.timeout: 300ms
				flux.download.attempts: 2
				""");
		return CommandRun.of(Map.of("VICSEE_API_KEY", KEY), "run", "--job", job.toString(), "--input", input.toString(),
				"--output", this.dir.resolve("out").toString(), "--base-url", this.api.origin() + "/api/v1", "--db",
				this.dir.resolve("db").toString());
	}

	private List<Map<String, String>> results() throws IOException {
		return CsvRows.read(this.dir.resolve("out/results.csv"));
	}

	/**
	 * Read-only even for root, who ignores permissions: then the folder is made
	 * immutable.
	 */
	private static void makeReadOnly(Path folder) throws IOException {
		Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
		if (Files.isWritable(folder) && chattr("+i", folder) != 0) {
			makeWritable(folder);
			assumeTrue(false, "no way to make a folder read-only for this user");
		}
	}

	private static void makeWritable(Path folder) throws IOException {
		chattr("-i", folder);
		Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
	}

	private static int chattr(String flag, Path folder) {
		try {
			return new ProcessBuilder("chattr", flag, folder.toString()).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start()
				.waitFor();
		}
		catch (IOException | InterruptedException unavailable) {
			return -1;
		}
	}

}
