package io.fluxbatch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.fluxbatch.simulator.FluxSimulator;
import io.fluxbatch.simulator.SimulatorSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input and usage a run cannot start with: one clear line, exit code 2, and nothing sent.
 */
@FullLane
class BadInputTest {

	private static final Map<String, String> ENVIRONMENT = Map.of("VICSEE_API_KEY", "sk-test-key");

	@TempDir
	Path dir;

	private FluxSimulator simulator;

	@BeforeEach
	void startSimulator() {
		this.simulator = FluxSimulator.start(SimulatorSettings.defaults());
	}

	@AfterEach
	void stopSimulator() {
		this.simulator.close();
	}

	@Test
	void aMissingInputFileIsNamed() {
		CommandRun run = run(ENVIRONMENT, this.dir.resolve("nowhere.csv"));

		assertUsageError(run, "nowhere.csv");
	}

	@Test
	void anEmptyFileIsRefused() throws IOException {
		CommandRun run = run(ENVIRONMENT, Files.write(this.dir.resolve("empty.csv"), new byte[0]));

		assertUsageError(run, "empty");
	}

	@Test
	void aHeaderWithoutAPromptColumnSaysWhichColumnsItFound() throws IOException {
		CommandRun run = run(ENVIRONMENT,
				Files.writeString(this.dir.resolve("no-prompt.csv"), "sku,text\nA-1,a cat\n"));

		assertUsageError(run, "prompt");
		assertThat(run.err()).contains("sku").contains("text");
	}

	@Test
	void aUtf8FileWithALinePastedFromAnotherEncodingIsReportedWithThatLine() throws IOException {
		byte[] utf8 = "id,prompt\n1,Crème brûlée on a plate\n2,Caf".getBytes(StandardCharsets.UTF_8);
		byte[] pasted = " au lait on a table\n".getBytes(StandardCharsets.UTF_8);
		ByteArrayOutputStream file = new ByteArrayOutputStream();
		file.writeBytes(utf8);
		file.write(0xE9);
		file.writeBytes(pasted);
		CommandRun run = run(ENVIRONMENT, Files.write(this.dir.resolve("mixed.csv"), file.toByteArray()));

		assertUsageError(run, "is not valid UTF-8: line 3 has byte 0xE9");
	}

	@Test
	void bytesOfNoEncodingWeReadAreReportedWithTheirLine() throws IOException {
		byte[] bytes = { 'p', 'r', 'o', 'm', 'p', 't', '\n', 'a', ' ', 'c', 'a', 't', (byte) 0x81, '\n' };
		CommandRun run = run(ENVIRONMENT, Files.write(this.dir.resolve("odd.csv"), bytes));

		assertUsageError(run, "is neither UTF-8 nor Windows-1252: line 2 has byte 0x81");
	}

	@Test
	void aDamagedWorkbookIsNamedAsOne() throws IOException {
		CommandRun run = run(ENVIRONMENT,
				Files.write(this.dir.resolve("catalog.xlsx"), new byte[] { 'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0 }));

		assertUsageError(run, "is a zipped file that cannot be opened (a damaged workbook?)");
	}

	@Test
	void anUnknownEncodingOrDelimiterIsAUsageError() throws IOException {
		Path input = Files.writeString(this.dir.resolve("ok.csv"), "prompt\nA cat on a mat\n");

		assertUsageError(CommandRun.of(ENVIRONMENT, "run", "--input", input.toString(), "--output",
				this.dir.resolve("out").toString(), "--encoding", "klingon", "--db", this.dir.resolve("db").toString()),
				"klingon");
		assertUsageError(CommandRun.of(ENVIRONMENT, "run", "--input", input.toString(), "--output",
				this.dir.resolve("out").toString(), "--delimiter", ";;", "--db", this.dir.resolve("db").toString()),
				"delimiter ';;' is not one character");
	}

	@Test
	void aRunWithoutAnApiKeySaysWhereTheKeyComesFrom() throws IOException {
		CommandRun run = run(Map.of(), Files.writeString(this.dir.resolve("ok.csv"), "prompt\nA cat on a mat\n"));

		assertUsageError(run, "VICSEE_API_KEY");
	}

	@Test
	void aSettingOutsideItsRangeNamesTheSettingForRunAndEstimateAlike() throws IOException {
		Path input = Files.writeString(this.dir.resolve("ok.csv"), "prompt\nA cat on a mat\n");

		for (String command : List.of("run", "estimate")) {
			assertUsageError(
					CommandRun.of(ENVIRONMENT, command, "--input", input.toString(), "--output",
							this.dir.resolve("out").toString(), "--max-credits", "-1", "--db",
							this.dir.resolve("db").toString()),
					"invalid setting: flux.job.max-credits (-1): must be greater than or equal to 0");
		}
	}

	@Test
	void aLeaseShorterThanASecondANegativeDailyQuotaOrNoRunKeptNamesTheSetting() throws IOException {
		Path input = Files.writeString(this.dir.resolve("ok.csv"), "prompt\nA cat on a mat\n");
		Map<String, String> invalid = Map.of("flux:\n  lease:\n    duration: 500ms\n",
				"invalid setting: flux.lease.duration (PT0.5S): must be longer than or equal to 1 second",
				"flux:\n  api:\n    daily-quota: -5\n", "invalid setting: flux.api.daily-quota (-5)",
				"flux:\n  job:\n    keep-runs: 0\n", "invalid setting: flux.job.keep-runs (0)");

		for (Map.Entry<String, String> setting : invalid.entrySet()) {
			Path job = Files.writeString(this.dir.resolve("job.yml"), setting.getKey());
			assertUsageError(
					CommandRun.of(ENVIRONMENT, "run", "--job", job.toString(), "--input", input.toString(), "--output",
							this.dir.resolve("out").toString(), "--db", this.dir.resolve("db").toString()),
					setting.getValue());
		}
	}

	@Test
	void anUnknownOptionIsAUsageError() {
		CommandRun run = CommandRun.of(ENVIRONMENT, "run", "--inptu", "x.csv");

		assertUsageError(run, "--inptu");
	}

	private CommandRun run(Map<String, String> environment, Path input) {
		return CommandRun.of(environment, "run", "--input", input.toString(), "--output",
				this.dir.resolve("out").toString(), "--base-url", this.simulator.baseUrl(), "--db",
				this.dir.resolve("db").toString());
	}

	private void assertUsageError(CommandRun run, String mentioning) {
		assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.USAGE);
		assertThat(run.problem()).startsWith("flux-batch: ").contains(mentioning).doesNotContain("\n");
		assertThat(run.err()).endsWith("exit 2" + System.lineSeparator());
		assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
		assertThat(this.simulator.counters().apiRequests()).isZero();
	}

}
