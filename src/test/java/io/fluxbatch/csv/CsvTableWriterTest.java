package io.fluxbatch.csv;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class CsvTableWriterTest {

	@TempDir
	Path dir;

	@Test
	void writesUtf8WithABomCrlfAndQuotesOnlyWhereNeeded() throws IOException {
		Path file = this.dir.resolve("results.csv");

		try (CsvTableWriter writer = new CsvTableWriter(file, true)) {
			writer.writeRow(List.of("key", "prompt", "note"));
			writer.writeRow(List.of("1", "a cat, a dog", "say \"hi\""));
			writer.writeRow(Arrays.asList("2", "two\nlines", null));
			writer.writeRow(List.of("3", "café 🐱", ""));
		}

		assertThat(Files.readAllBytes(file)).isEqualTo(bytes("\uFEFFkey,prompt,note\r\n"
				+ "1,\"a cat, a dog\",\"say \"\"hi\"\"\"\r\n" + "2,\"two\nlines\",\r\n" + "3,café 🐱,\r\n"));
	}

	@Test
	void cellsASpreadsheetWouldRunAsFormulasAreNeutralised() throws IOException {
		Path file = this.dir.resolve("rejects.csv");

		try (CsvTableWriter writer = new CsvTableWriter(file, true)) {
			writer.writeRow(List.of("=SUM(A1:A2)", "+cmd", "-x", "@name", "=HYPERLINK(\"http://e.test\",\"x\")"));
			writer.writeRow(List.of("-5", "+3.5", "-.5", "1e5", "-2E-3", "a=b", "-"));
		}

		assertThat(Files.readAllBytes(file)).isEqualTo(bytes("\uFEFF'=SUM(A1:A2),'+cmd,'-x,'@name,"
				+ "\"'=HYPERLINK(\"\"http://e.test\"\",\"\"x\"\")\"\r\n" + "-5,+3.5,-.5,1e5,-2E-3,a=b,'-\r\n"));
	}

	@Test
	void aFormulaAfterALeadingTabOrCarriageReturnIsNeutralisedToo() throws IOException {
		Path file = this.dir.resolve("results.csv");

		try (CsvTableWriter writer = new CsvTableWriter(file, true)) {
			writer.writeRow(List.of("\t=HYPERLINK(\"http://e.test\")", "\r=1+2", "\t\r@x", "\tplain", "\t-5"));
		}

		assertThat(Files.readAllBytes(file)).isEqualTo(
				bytes("\uFEFF\"'\t=HYPERLINK(\"\"http://e.test\"\")\"," + "\"'\r=1+2\",\"'\t\r@x\",\tplain,'\t-5\r\n"));
	}

	@Test
	void anExistingFileIsReplaced() throws IOException {
		Path file = Files.writeString(this.dir.resolve("totals.csv"), "old content that is longer\r\n");

		try (CsvTableWriter writer = new CsvTableWriter(file, true)) {
			writer.writeRow(List.of("new"));
		}

		assertThat(Files.readAllBytes(file)).isEqualTo(bytes("\uFEFFnew\r\n"));
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
