package io.fluxbatch.csv;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvPreflightTest {

	@TempDir
	Path dir;

	@Test
	void aGoodFileGivesItsHeaderAndTheNumberOfDataRows() throws IOException {
		Path file = write("\uFEFFprompt,id,\r\n\"a cat,\r\nsleeping\",1\r\n\r\na dog,2\r\n");

		CsvFileSummary summary = CsvPreflight.check(file);

		assertThat(summary).isEqualTo(new CsvFileSummary(List.of("prompt", "id"), 2));
	}

	@Test
	void aMissingFileIsReported() {
		Path file = this.dir.resolve("nowhere.csv");

		assertThatThrownBy(() -> CsvPreflight.check(file)).isInstanceOf(CsvInputException.class)
			.hasMessage("input file \"" + file + "\" does not exist");
	}

	@Test
	void aDirectoryIsReported() {
		assertThatThrownBy(() -> CsvPreflight.check(this.dir)).isInstanceOf(CsvInputException.class)
			.hasMessage("\"" + this.dir + "\" is a directory, not a CSV file");
	}

	@Test
	void anEmptyFileIsReported() throws IOException {
		Path file = write("");

		assertThatThrownBy(() -> CsvPreflight.check(file)).isInstanceOf(CsvInputException.class)
			.hasMessage("\"" + file + "\" is empty; export the sheet with a header row and data rows");
	}

	@Test
	void aFileOfBlankLinesIsReportedAsEmpty() throws IOException {
		Path file = write("\uFEFF\r\n   \r\n,,,\r\n");

		assertThatThrownBy(() -> CsvPreflight.check(file)).isInstanceOf(CsvInputException.class)
			.hasMessageContaining("is empty (only blank lines)");
	}

	@Test
	void binaryContentIsReported() throws IOException {
		Path file = Files.write(this.dir.resolve("prompts.xlsx"), new byte[] { 'P', 'K', 3, 4, 20, 0, 6, 0 });

		assertThatThrownBy(() -> CsvPreflight.check(file)).isInstanceOf(CsvInputException.class)
			.hasMessage("\"" + file
					+ "\" is a binary file, not a CSV (it contains NUL bytes); save the sheet as \"CSV UTF-8\"");
	}

	@Test
	void windows1252TextIsReportedWithTheLineOfTheFirstBadByte() throws IOException {
		Path file = Files.write(this.dir.resolve("prompts.csv"),
				"prompt,id\r\n\"two\r\nlines\",1\r\ncafé au lait,2\r\n".getBytes(Charset.forName("windows-1252")));

		assertThatThrownBy(() -> CsvPreflight.check(file)).isInstanceOf(CsvInputException.class)
			.hasMessage("\"" + file + "\" is not valid UTF-8: line 4 has byte 0xE9 that cannot be decoded;"
					+ " save the file as \"CSV UTF-8\" and try again");
	}

	@Test
	void aTruncatedUtf8SequenceAtTheEndIsReported() throws IOException {
		Path file = Files.write(this.dir.resolve("prompts.csv"), new byte[] { 'p', '\n', 'a', 'b', 'c', (byte) 0xC3 });

		assertThatThrownBy(() -> CsvPreflight.check(file)).isInstanceOf(CsvInputException.class)
			.hasMessageContaining("line 2 has byte 0xC3");
	}

	@Test
	void anUnterminatedQuoteIsReportedAtTheLineWhereItsRecordStarts() throws IOException {
		Path file = write("prompt,id\r\na cat,1\r\n\"never closed,2\r\na dog,3\r\n");

		assertThatThrownBy(() -> CsvPreflight.check(file)).isInstanceOf(CsvInputException.class)
			.hasMessage("\"" + file + "\" is not a valid CSV: the record starting on line 3"
					+ " has a quoted cell that is never closed (a \" is missing or not doubled)");
	}

	@Test
	void aHeaderWithoutDataRowsIsReported() throws IOException {
		Path file = write("prompt,id\r\n\r\n");

		assertThatThrownBy(() -> CsvPreflight.check(file)).isInstanceOf(CsvInputException.class)
			.hasMessage("\"" + file + "\" has a header but no data rows; add one row per prompt below the header");
	}

	private Path write(String text) throws IOException {
		return Files.writeString(Files.createTempFile(this.dir, "prompts", ".csv"), text, StandardCharsets.UTF_8);
	}

}
