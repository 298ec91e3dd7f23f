package io.fluxbatch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.fluxbatch.simulator.FluxSimulator;
import io.fluxbatch.simulator.ReceivedGeneration;
import io.fluxbatch.simulator.SimulatorSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The files Excel, Google Sheets and LibreOffice actually write, byte for byte (see
 * src/test/resources/exports): each is read without being told its encoding or delimiter,
 * every prompt reaches the API exactly as the sheet showed it, and every bad row is
 * rejected with its line and reason.
 */
@FullLane
class SpreadsheetExportsTest {

	private static final Path EXPORTS = Path.of("src/test/resources/exports");

	@TempDir
	Path dir;

	private FluxSimulator simulator;

	@BeforeEach
	void startSimulator() {
		this.simulator = FluxSimulator.start(SimulatorSettings.defaults()
			.withTinyImages(true)
			.withLatency(Duration.ofMillis(50), Duration.ofMillis(80)));
	}

	@AfterEach
	void stopSimulator() {
		this.simulator.close();
	}

	@Test
	void excelSemicolonCsvInWindows1252() throws IOException {
		run("excel-semicolon-windows1252.csv");

		assertPromptsReceived(Map.of("CAFE-01", "Tasse à café en porcelaine sur une table en chêne, lumière douce",
				"EURO-02", "Porte-monnaie en cuir; prix 49 € affiché", "QUOTE-03",
				"Affiche \"Größe M\" für ein Straßenfest"));
		assertRejects(
				"6 BAD-04 aspect ratio \"5:4\" is not supported; use 1:1, 16:9, 9:16, 4:3, 3:4, 3:2, 2:3 or auto");
		assertThat(results()).extracting((row) -> row.get("key") + " " + row.get("Aspect Ratio"))
			.containsExactly("CAFE-01 1:1", "EURO-02 4:3", "QUOTE-03 3:4", "BAD-04 5:4");
	}

	@Test
	void excelUnicodeTextInUtf16WithTabs() throws IOException {
		run("excel-unicode-text.txt");

		assertPromptsReceived(
				Map.of("JP-01", "桜の木の下の赤い自転車、春の朝", "EMOJI-02", "A birthday cake with candles 🎂 and confetti", "I2I-03",
						"The same sneaker in navy blue, \"limited\" edition"));
		assertRejects("5 BAD-04 prompt \"ok\" is too short: 2 characters, at least 3");
		assertThat(generation("I2I-03").inputUrls()).containsExactly("https://example.com/ref/sneaker.jpg");
		assertThat(generation("EMOJI-02").model()).isEqualTo("flux-2/flex-text-to-image");
	}

	@Test
	void excelCsvUtf8WithItsByteOrderMarkAndEmptyColumnsAndRows() throws IOException {
		run("excel-csv-utf8.csv");

		assertPromptsReceived(Map.of("LAMP-01", "Brass desk lamp, warm light, walnut desk", "CHAIR-02",
				"Ñandú-print armchair in a sunlit café", "VASE-03", "Ceramic vase with a \"hand-made\" label"));
		assertRejects("6 BAD-04 resolution \"4K\" is not supported; use 1K or 2K");
		assertThat(CsvRows.header(this.dir.resolve("out/results.csv"))).startsWith("ID", "Prompt", "Model",
				"Resolution", "Aspect Ratio", "row");
	}

	@Test
	void googleSheetsCsvWithCellsOnSeveralLines() throws IOException {
		run("google-sheets.csv");

		assertPromptsReceived(Map.of("TEE-01", "A white T-shirt on a hanger.\nSoft studio light.\nNo logo.", "MUG-02",
				"A mug that says “Good morning” on a table in Zürich", "I2I-03", "Put this watch on a wrist"));
		assertThat(generation("I2I-03").inputUrls()).containsExactly("https://example.com/a.jpg",
				"https://example.com/b.jpg");
		assertRejects("8 BAD-04 input URL \"ftp://example.com/scarf.jpg\" must start with http:// or https://");
	}

	@Test
	void libreOfficeCsvWithAPipeDelimiterAndEveryTextCellQuoted() throws IOException {
		run("libreoffice-pipe.csv");

		assertPromptsReceived(Map.of("LO-01", "Ein Holzstuhl im Garten | Abendsonne", "LO-02",
				"Une lampe « vintage » sur un bureau", "LO-03", "A prompt on three lines:\nline two\nline three"));
		assertRejects(
				"7 LO-04 aspect ratio \"21:9\" is not supported; use 1:1, 16:9, 9:16, 4:3, 3:4, 3:2, 2:3 or auto");
	}

	@Test
	void aHandEditedFileLosesOnlyItsBrokenRowsAndNoPromptSwallowsTheLinesAfterIt() throws IOException {
		run("hand-edited.csv");

		assertPromptsReceived(
				Map.of("H-02", "A green chair", "H-04", "A blue sofa", "H-06", "A \"quoted\" word, properly"));
		assertRejects(
				"2 H-01 malformed CSV: a quoted cell that starts on line 2 is never closed: a \" is missing, or a \""
						+ " inside it is not doubled",
				"4 H-03 malformed CSV: line 4 has a \" inside a cell that does not start with one: put the cell in"
						+ " quotes and double its \" (\"A 27\"\" frame\")",
				"6 H-05 malformed CSV: line 6 has 3 cells but the header has 2 columns: a cell that holds the"
						+ " delimiter ',' must be in quotes");
		assertThat(CsvRows.read(this.dir.resolve("out/rejects.csv"))).extracting((row) -> row.get("prompt"))
			.containsExactly("\"A red lamp on a desk", "A 27\" monitor on a desk", "A red, shiny apple");
	}

	@Test
	void ourCsvsStartWithAByteOrderMarkForExcelUnlessPlainUtf8IsAskedFor() throws IOException {
		run("excel-csv-utf8.csv");
		byte[] withMark = Files.readAllBytes(this.dir.resolve("out/results.csv"));
		runInto("plain", "excel-csv-utf8.csv", "--no-bom");

		assertThat(withMark).startsWith(0xEF, 0xBB, 0xBF, 'I', 'D');
		for (String file : List.of("results.csv", "rejects.csv", "totals.csv")) {
			assertThat(Files.readAllBytes(this.dir.resolve("plain").resolve(file))).as(file)
				.startsWith(file.equals("totals.csv") ? "model".getBytes(StandardCharsets.UTF_8)
						: "ID".getBytes(StandardCharsets.UTF_8));
		}
	}

	@Test
	void theSamplesForUsersAreTheseVeryExports() throws IOException {
		try (var exports = Files.list(EXPORTS)) {
			for (Path export : exports.toList()) {
				assertThat(Path.of("samples/exports").resolve(export.getFileName())).hasSameBinaryContentAs(export);
			}
		}
	}

	private void run(String export) throws IOException {
		runInto("out", export);
	}

	private void runInto(String output, String export, String... moreOptions) throws IOException {
		Path job = Files.writeString(this.dir.resolve("job.yml"), """
				flux.job.poll.first-poll-after: 0ms
				flux.api.requests-per-second: 500
				""");
		List<String> command = new ArrayList<>(List.of("run", "--job", job.toString(), "--input",
				EXPORTS.resolve(export).toString(), "--output", this.dir.resolve(output).toString(), "--base-url",
				this.simulator.baseUrl(), "--db", this.dir.resolve("db").toString()));
		command.addAll(List.of(moreOptions));
		CommandRun run = CommandRun.of(Map.of("VICSEE_API_KEY", "sk-test-key"), command.toArray(String[]::new));
		assertThat(run.exitCode()).as(() -> run.err() + errors(output)).isEqualTo(ExitCode.COMPLETED);
	}

	private String errors(String output) {
		try {
			return CsvRows.read(this.dir.resolve(output).resolve("results.csv")).toString();
		}
		catch (IOException unreadable) {
			return unreadable.toString();
		}
	}

	/** What the API received, compared as UTF-8 bytes, not only as text. */
	private void assertPromptsReceived(Map<String, String> expected) throws IOException {
		Map<String, byte[]> received = new LinkedHashMap<>();
		for (Map<String, String> row : results()) {
			if (row.get("status").equals("COMPLETED")) {
				received.put(key(row), generation(key(row)).prompt().getBytes(StandardCharsets.UTF_8));
			}
		}
		assertThat(received).containsOnlyKeys(expected.keySet());
		expected.forEach((key, prompt) -> assertThat(received.get(key)).as(key)
			.isEqualTo(prompt.getBytes(StandardCharsets.UTF_8)));
		assertThat(this.simulator.generations()).hasSize(expected.size());
	}

	private void assertRejects(String... lineKeyAndReason) throws IOException {
		List<Map<String, String>> rejects = CsvRows.read(this.dir.resolve("out/rejects.csv"));
		String key = CsvRows.header(this.dir.resolve("out/rejects.csv")).get(0);
		assertThat(rejects).extracting((row) -> row.get("line") + " " + row.get(key) + " " + row.get("reason"))
			.containsExactly(lineKeyAndReason);
	}

	private ReceivedGeneration generation(String key) throws IOException {
		Map<String, String> taskIds = results().stream()
			.filter((row) -> !row.get("task_id").isEmpty())
			.collect(Collectors.toMap(SpreadsheetExportsTest::key, (row) -> row.get("task_id")));
		return this.simulator.generations()
			.stream()
			.filter((generation) -> generation.taskId().equals(taskIds.get(key)))
			.findFirst()
			.orElseThrow();
	}

	/** results.csv's key column, named as the input named it when it had one. */
	private static String key(Map<String, String> row) {
		return row.entrySet()
			.stream()
			.filter((cell) -> cell.getKey().equalsIgnoreCase("key"))
			.findFirst()
			.orElseThrow()
			.getValue();
	}

	private List<Map<String, String>> results() throws IOException {
		return CsvRows.read(this.dir.resolve("out/results.csv"));
	}

}
