package io.fluxbatch;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The exports LibreOffice Calc 7.4 writes with its CSV filter's other options (written
 * here byte for byte in its layout: LF line ends, every column of the used range on every
 * row, an empty header cell over a column that has none), and the round trip of a
 * rejects.csv: each is read as the sheet held it, and what cannot be read so is refused
 * with a reason instead of paid for.
 */
@FullLane
class LibreOfficeExportsTest {

	@TempDir
	Path dir;

	private CatalogNights nights;

	@BeforeEach
	void startSimulator() {
		this.nights = new CatalogNights(this.dir);
	}

	@AfterEach
	void stopSimulator() {
		this.nights.close();
	}

	@Test
	void aColumnWithoutAHeaderIsKeptByPositionAndAFedBackRejectsFileLosesItsSafetyApostrophe() throws IOException {
		Path input = write("notes.csv", "sku,prompt,aspect_ratio,\nS-1,A red chair,1:1,check colour\n"
				+ "S-2,-30% price tag on a wooden shelf,5:4,ask Anna\n");

		this.nights.completed(input, "night1");
		Path rejects = this.dir.resolve("night1/rejects.csv");
		String rejected = Files.readString(rejects, StandardCharsets.UTF_8);
		Files.writeString(rejects, rejected.replace(",5:4,", ",4:3,"), StandardCharsets.UTF_8);
		this.nights.completed(rejects, "night2");

		assertThat(this.nights.prompts("night1")).containsExactly(entry("S-1", "A red chair"));
		assertThat(this.nights.results("night1").get(0)).containsEntry("column D", "check colour");
		assertThat(rejected).startsWith("\uFEFFsku,prompt,aspect_ratio,column D,line,reason\r\n")
			.contains("S-2,'-30% price tag on a wooden shelf,5:4,ask Anna,3,");
		assertThat(this.nights.prompts("night2")).containsExactly(entry("S-2", "-30% price tag on a wooden shelf"));
		assertThat(this.nights.results("night2").get(0)).containsEntry("column D", "ask Anna");
	}

	@Test
	void aSemicolonFileWhoseHeaderNamesHoldCommasIsReadBySemicolons() throws IOException {
		Path input = write("moebel.csv", "SKU;prompt;Maße (B, H, T)\nT-1;Ein Tisch aus Eiche;80 x 75 x 60\n"
				+ "S-2;Ein Stuhl, gepolstert;45 x 90 x 50\n");

		this.nights.completed(input, "out");

		assertThat(this.nights.prompts("out")).containsExactly(entry("T-1", "Ein Tisch aus Eiche"),
				entry("S-2", "Ein Stuhl, gepolstert"));
		assertThat(this.nights.results("out").get(1)).containsEntry("Maße (B, H, T)", "45 x 90 x 50");
	}

	@Test
	void cellsQuotedWithApostrophesAreReadAsCells() throws IOException {
		Path input = write("single-quoted.csv",
				"'sku','prompt','aspect_ratio'\n'Q-1','A cup, white, on a table','1:1'\n"
						+ "'Q-2','First line\nsecond line','4:3'\n'Q-3','Don''t stop: a runner at dawn','16:9'\n");

		this.nights.completed(input, "out");

		assertThat(this.nights.prompts("out")).containsExactly(entry("Q-1", "A cup, white, on a table"),
				entry("Q-2", "First line\nsecond line"), entry("Q-3", "Don't stop: a runner at dawn"));
		assertThat(this.nights.generations()).isEqualTo(3);
	}

	@Test
	void macRomanAndIso885915AreNamedAsUncertainWithTheirTextBothWays() throws IOException {
		Path macRoman = write("mac.csv", "sku,prompt\nMR-1,\"Café au lait in a naïve cup, Zürich\"\n",
				Charset.forName("x-MacRoman"));
		Path iso = write("iso.csv", "sku,prompt\nEU-1,Un sac à 49 € sur une chaise\n", Charset.forName("ISO-8859-15"));

		CommandRun mac = CommandRun.of(Map.of(), "validate", "--input", macRoman.toString());
		CommandRun latin9 = CommandRun.of(Map.of(), "validate", "--input", iso.toString());
		this.nights.completed(macRoman, "out", "--encoding", "x-MacRoman");

		assertThat(mac.exitCode()).isEqualTo(ExitCode.USAGE);
		assertThat(mac.problem()).isEqualTo("flux-batch: \"" + macRoman
				+ "\" is not UTF-8 and its encoding is uncertain:"
				+ " line 2 reads \"MR-1,\"CafŽ au lait in a na•ve cup, ZŸrich\"\" as Windows-1252 but \"MR-1,\"Café au"
				+ " lait in a naïve cup, Zürich\"\" as Mac Roman (x-MacRoman); name the right one with --encoding x-MacRoman (or"
				+ " --encoding windows-1252), or save the file as \"CSV UTF-8\"");
		assertThat(latin9.exitCode()).isEqualTo(ExitCode.USAGE);
		assertThat(latin9.err()).contains("reads \"EU-1,Un sac à 49 ¤ sur une chaise\" as Windows-1252 but"
				+ " \"EU-1,Un sac à 49 € sur une chaise\" as ISO-8859-15; name the right one with --encoding ISO-8859-15");
		assertThat(this.nights.prompts("out")).containsExactly(entry("MR-1", "Café au lait in a naïve cup, Zürich"));
	}

	@Test
	void spreadsheetErrorValuesAndQuestionMarksForLettersAreRejectedNotPaidFor() throws IOException {
		Path input = write("errors.csv", "sku,prompt\nE-1,#N/A\nE-2,#DIV/0!\nE-3,#VALUE!\nE-4,Err:502\nE-5,??????\n"
				+ "E-6,A caf? in Z?rich\nOK-7,Really? A green chair?\n");

		this.nights.completed(input, "out");

		assertThat(this.nights.prompts("out")).containsExactly(entry("OK-7", "Really? A green chair?"));
		assertThat(this.nights.rejects("out")).extracting((row) -> row.get("sku") + ": " + row.get("reason"))
			.containsExactly(
					"E-1: prompt is the spreadsheet error #N/A: fix the formula or the value it uses, and export again",
					"E-2: prompt is the spreadsheet error #DIV/0!: fix the formula or the value it uses, and export"
							+ " again",
					"E-3: prompt is the spreadsheet error #VALUE!: fix the formula or the value it uses, and export"
							+ " again",
					"E-4: prompt is the spreadsheet error Err:502: fix the formula or the value it uses, and export"
							+ " again",
					"E-5: prompt \"??????\" has '?' where letters were: the export's encoding lacks them; export as"
							+ " \"CSV UTF-8\" (or Unicode) and try again",
					"E-6: prompt \"A caf? in Z?rich\" has '?' where letters were: the export's encoding lacks them;"
							+ " export as \"CSV UTF-8\" (or Unicode) and try again");
	}

	@Test
	void flatOdsAndHtmlAreToldToBeSavedAsCsvAndShiftJisIsNamed() throws IOException {
		Path fods = write("catalog.fods",
				"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\n<office:document"
						+ " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" office:version=\"1.3\""
						+ " office:mimetype=\"application/vnd.oasis.opendocument.spreadsheet\">\n");
		Path html = write("catalog.html", "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.0 Transitional//EN\">\n\n<HTML>\n"
				+ "<HEAD>\n\t<META HTTP-EQUIV=\"CONTENT-TYPE\" CONTENT=\"text/html; charset=utf-8\">\n");
		Path shiftJis = write("sjis.csv", "sku,prompt\nJP-1,桜の木の下の赤い自転車、春の朝\n", Charset.forName("Shift_JIS"));

		assertThat(validate(fods)).isEqualTo("flux-batch: \"" + fods + "\" is a flat OpenDocument spreadsheet"
				+ " (.fods), which is not read directly; in the spreadsheet, save it as .xlsx, or save the sheet as"
				+ " \"CSV UTF-8\"");
		assertThat(validate(html)).contains("is an HTML page (a workbook saved as a web page), which is not read"
				+ " directly; in the spreadsheet, save it as .xlsx, or save the sheet as \"CSV UTF-8\"");
		assertThat(validate(shiftJis)).contains("is neither UTF-8 nor Windows-1252: line 2 has byte")
			.contains("it reads as Shift_JIS (\"JP-1,桜の木の下の赤い自転車、春の朝\"): name it with --encoding Shift_JIS")
			.doesNotContain("other lines are UTF-8");
	}

	@Test
	void aCarriageReturnInsideACellIsSentAsOne() throws IOException {
		Path input = write("cr.csv", "sku,prompt\nCR-1,\"Line one\rline two\"\nCR-2,A plain row\n");

		this.nights.completed(input, "out");

		assertThat(this.nights.prompts("out")).containsExactly(entry("CR-1", "Line one\rline two"),
				entry("CR-2", "A plain row"));
	}

	@Test
	void aReferenceImagesColumnFeedsTheInputUrls() throws IOException {
		Path input = write("refs.csv",
				"sku,prompt,Reference Images\nR-1,The same sneaker in navy,https://example.com/sneaker.jpg\n");

		CommandRun validate = CommandRun.of(Map.of(), "validate", "--input", input.toString());
		this.nights.completed(input, "out");

		assertThat(validate.out()).contains("  input_urls   <- column 'Reference Images'");
		String taskId = this.nights.results("out").get(0).get("task_id");
		assertThat(this.nights.generation(taskId).inputUrls()).containsExactly("https://example.com/sneaker.jpg");
	}

	@Test
	void theSameTextInNfdIsTheSameImageAsInNfc() throws IOException {
		String prompt = "Crème brûlée on a café table";
		Path nfc = write("nfc.csv", "sku,prompt\nD-1," + Normalizer.normalize(prompt, Normalizer.Form.NFC) + "\n");
		Path nfd = write("nfd.csv", "sku,prompt\nD-1," + Normalizer.normalize(prompt, Normalizer.Form.NFD) + "\n");

		this.nights.completed(nfc, "night1");
		this.nights.completed(nfd, "night2");

		assertThat(this.nights.generations()).isEqualTo(1);
		assertThat(this.nights.results("night2").get(0).get("reused_from")).isNotEmpty();
	}

	private String validate(Path input) {
		CommandRun run = CommandRun.of(Map.of(), "validate", "--input", input.toString());
		assertThat(run.exitCode()).as(run.out()).isEqualTo(ExitCode.USAGE);
		return run.problem();
	}

	private Path write(String name, String text) throws IOException {
		return write(name, text, StandardCharsets.UTF_8);
	}

	private Path write(String name, String text, Charset charset) throws IOException {
		return Files.write(this.dir.resolve(name), text.getBytes(charset));
	}

}
