package io.fluxbatch.csv;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvPreflightTest {

	private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	@TempDir
	Path dir;

	@Test
	void aGoodFileGivesItsHeaderAndTheNumberOfDataRows() throws IOException {
		Path file = write("\uFEFFprompt,id,\r\n\"a cat,\r\nsleeping\",1\r\n\r\na dog,2\r\n");

		CsvFileSummary summary = CsvPreflight.check(file, CsvOptions.DETECT);

		assertThat(summary).isEqualTo(new CsvFileSummary(List.of("prompt", "id"), 2,
				new CsvFormat(StandardCharsets.UTF_8, ',', "byte order mark")));
	}

	@Test
	void aMissingFileIsReported() {
		Path file = this.dir.resolve("nowhere.csv");

		assertThatThrownBy(() -> CsvPreflight.check(file, CsvOptions.DETECT)).isInstanceOf(CsvInputException.class)
			.hasMessage("input file \"" + file + "\" does not exist");
	}

	@Test
	void aDirectoryIsReported() {
		assertThatThrownBy(() -> CsvPreflight.check(this.dir, CsvOptions.DETECT)).isInstanceOf(CsvInputException.class)
			.hasMessage("\"" + this.dir + "\" is a directory, not a CSV file");
	}

	@Test
	void anEmptyFileIsReported() throws IOException {
		Path file = write("");

		assertThatThrownBy(() -> CsvPreflight.check(file, CsvOptions.DETECT)).isInstanceOf(CsvInputException.class)
			.hasMessage("\"" + file + "\" is empty; export the sheet with a header row and data rows");
	}

	@Test
	void aFileOfBlankLinesIsReportedAsEmpty() throws IOException {
		Path file = write("\uFEFF\r\n   \r\n,,,\r\n");

		assertThatThrownBy(() -> CsvPreflight.check(file, CsvOptions.DETECT)).isInstanceOf(CsvInputException.class)
			.hasMessageContaining("is empty (only blank lines)");
	}

	@Test
	void aDamagedWorkbookIsNamedWithWhatToDoInstead() throws IOException {
		Path file = Files.write(this.dir.resolve("prompts.xlsx"), new byte[] { 'P', 'K', 3, 4, 20, 0, 6, 0 });

		assertThatThrownBy(() -> CsvPreflight.check(file, CsvOptions.DETECT)).isInstanceOf(CsvInputException.class)
			.hasMessage("\"" + file + "\" is a zipped file that cannot be opened (a damaged workbook?); in the"
					+ " spreadsheet, save it as .xlsx again, or save the sheet as \"CSV UTF-8\"");
	}

	@Test
	void binaryContentIsReported() throws IOException {
		Path file = Files.write(this.dir.resolve("prompts.png"),
				new byte[] { (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R' });

		assertThatThrownBy(() -> CsvPreflight.check(file, CsvOptions.DETECT)).isInstanceOf(CsvInputException.class)
			.hasMessage("\"" + file
					+ "\" is a binary file, not a CSV (it contains NUL bytes); save the sheet as \"CSV UTF-8\"");
	}

	@Test
	void textWithNoUtf8CharacterThatIsNotUtf8IsReadAsWindows1252() throws IOException {
		Path file = Files.write(this.dir.resolve("prompts.csv"),
				"prompt,id\r\n\"two\r\nlines\",1\r\ncafé au lait for 5 €,2\r\n".getBytes(WINDOWS_1252));

		CsvFileSummary summary = CsvPreflight.check(file, CsvOptions.DETECT);

		assertThat(summary.format().charset()).isEqualTo(WINDOWS_1252);
		assertThat(summary.format().describe()).isEqualTo("Windows-1252 (not UTF-8, as line 4 has byte 0xE9 that"
				+ " cannot be decoded; name another encoding with --encoding if the text looks wrong), comma delimited");
	}

	@Test
	void bytesThatAreNeitherUtf8NorWindows1252AreReportedWithTheirLine() throws IOException {
		Path file = Files.write(this.dir.resolve("prompts.csv"),
				new byte[] { 'p', 'r', 'o', 'm', 'p', 't', '\n', 'a', (byte) 0x81, 'c', '\n' });

		assertThatThrownBy(() -> CsvPreflight.check(file, CsvOptions.DETECT)).isInstanceOf(CsvInputException.class)
			.hasMessage("\"" + file + "\" is neither UTF-8 nor Windows-1252: line 2 has byte 0x81 that cannot be"
					+ " decoded; save the file as \"CSV UTF-8\", or name its encoding with --encoding");
	}

	@Test
	void aUtf8FileWithADamagedCharacterIsRefusedRatherThanReadAsGarbage() throws IOException {
		byte[] good = "prompt\ncrème brûlée\nabc".getBytes(StandardCharsets.UTF_8);
		byte[] file = Arrays.copyOf(good, good.length + 1);
		file[good.length] = (byte) 0xC3;
		Path path = Files.write(this.dir.resolve("prompts.csv"), file);

		assertThatThrownBy(() -> CsvPreflight.check(path, CsvOptions.DETECT)).isInstanceOf(CsvInputException.class)
			.hasMessageContaining(
					"is not valid UTF-8: line 3 has byte 0xC3 that cannot be decoded (1 other lines with accents or"
							+ " symbols are UTF-8)");
	}

	@Test
	void aNamedEncodingIsUsedAsItIsAndItsBadBytesReportedWithTheirLine() throws IOException {
		Path file = Files.write(this.dir.resolve("prompts.csv"),
				"prompt,id\r\n\"two\r\nlines\",1\r\ncafé au lait,2\r\n".getBytes(WINDOWS_1252));

		assertThatThrownBy(() -> CsvPreflight.check(file, new CsvOptions(StandardCharsets.UTF_8, null)))
			.isInstanceOf(CsvInputException.class)
			.hasMessage("\"" + file + "\" is not valid UTF-8: line 4 has byte 0xE9 that cannot be decoded;"
					+ " save the file as \"CSV UTF-8\" and try again");
	}

	@Test
	void anUnterminatedQuoteCostsItsOwnRowOnly() throws IOException {
		Path file = write("prompt,id\r\na cat,1\r\n\"never closed,2\r\na dog,3\r\n");

		assertThat(CsvPreflight.check(file, CsvOptions.DETECT).dataRows()).isEqualTo(3);
	}

	@Test
	void aHeaderWithoutDataRowsIsReported() throws IOException {
		Path file = write("prompt,id\r\n\r\n");

		assertThatThrownBy(() -> CsvPreflight.check(file, CsvOptions.DETECT)).isInstanceOf(CsvInputException.class)
			.hasMessage("\"" + file + "\" has a header but no data rows; add one row per prompt below the header");
	}

	private Path write(String text) throws IOException {
		return Files.writeString(Files.createTempFile(this.dir, "prompts", ".csv"), text, StandardCharsets.UTF_8);
	}

}
