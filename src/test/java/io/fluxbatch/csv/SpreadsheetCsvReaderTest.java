package io.fluxbatch.csv;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.infrastructure.item.ExecutionContext;

import static java.nio.charset.StandardCharsets.UTF_16BE;
import static java.nio.charset.StandardCharsets.UTF_16LE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class SpreadsheetCsvReaderTest {

	private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	@TempDir
	Path dir;

	@Test
	void theByteOrderMarkDoesNotEndUpInTheFirstHeader() throws Exception {
		Path file = write(concat(BOM, utf8("prompt,id\r\na cat,1\r\n")));

		SpreadsheetCsvReader reader = new SpreadsheetCsvReader(file, CsvOptions.DETECT);
		reader.open(new ExecutionContext());

		assertThat(reader.header()).containsExactly("prompt", "id");
		assertThat(reader.read().cells()).containsExactly("a cat", "1");
		reader.close();
	}

	@Test
	void crlfAndLfLineEndsGiveTheSameRecords() throws Exception {
		List<CsvRecord> crlf = readAll(write(utf8("prompt,id\r\na cat,1\r\na dog,2\r\n")));
		List<CsvRecord> lf = readAll(write(utf8("prompt,id\na cat,1\na dog,2")));

		assertThat(crlf).isEqualTo(lf)
			.containsExactly(new CsvRecord(1, 2, List.of("a cat", "1")), new CsvRecord(2, 3, List.of("a dog", "2")));
	}

	@Test
	void quotedCellsMayHoldCommasAndDoubledQuotes() throws Exception {
		List<CsvRecord> records = readAll(write(utf8("prompt,id\r\n\"a cat, a dog\",\"say \"\"hi\"\"\"\r\n")));

		assertThat(records).extracting(CsvRecord::cells).containsExactly(List.of("a cat, a dog", "say \"hi\""));
	}

	@Test
	void aMultiLineCellKeepsItsLineBreaksAsWrittenAndLaterRecordsStartFurtherDown() throws Exception {
		List<CsvRecord> records = readAll(
				write(utf8("prompt,id\r\n\"first line\r\n\r\nthird line\",1\r\na dog,2\r\n\"x\ny\",3\r\n")));

		assertThat(records).containsExactly(new CsvRecord(1, 2, List.of("first line\r\n\r\nthird line", "1")),
				new CsvRecord(2, 5, List.of("a dog", "2")), new CsvRecord(3, 6, List.of("x\ny", "3")));
	}

	@Test
	void blankLinesAreSkippedAndNotCountedAsRows() throws Exception {
		List<CsvRecord> records = readAll(write(utf8("\nprompt,id\n\na cat,1\n   \n,,\n\"\"\na dog,2\n\n")));

		assertThat(records).containsExactly(new CsvRecord(1, 4, List.of("a cat", "1")),
				new CsvRecord(2, 8, List.of("a dog", "2")));
	}

	@Test
	void headerCellsAreTrimmedAndTrailingEmptyColumnsIgnored() throws Exception {
		Path file = write(utf8(" Prompt ,\tid ,,\r\na cat,1,,\r\na dog,,,\r\n"));

		SpreadsheetCsvReader reader = new SpreadsheetCsvReader(file, CsvOptions.DETECT);
		reader.open(new ExecutionContext());

		assertThat(reader.header()).containsExactly("Prompt", "id");
		assertThat(reader.read().cells()).containsExactly("a cat", "1");
		assertThat(reader.read().cells()).containsExactly("a dog", "");
		reader.close();
	}

	@Test
	void shortRecordsArePaddedToTheHeader() throws Exception {
		List<CsvRecord> records = readAll(write(utf8("prompt,id,notes\na cat\na dog,2,,,\n")));

		assertThat(records).containsExactly(new CsvRecord(1, 2, List.of("a cat", "", "")),
				new CsvRecord(2, 3, List.of("a dog", "2", "")));
	}

	@Test
	void aRecordWithMoreCellsThanTheHeaderIsFlaggedAndKeepsItsTextInTheLastColumn() throws Exception {
		List<CsvRecord> records = readAll(write(utf8("id,prompt\n1,A red, shiny apple\n2,a pear\n")));

		assertThat(records).containsExactly(new CsvRecord(1, 2, List.of("1", "A red, shiny apple"),
				"line 2 has 3 cells but the header has 2 columns: a cell that holds the delimiter ',' must be in quotes"),
				new CsvRecord(2, 3, List.of("2", "a pear")));
	}

	@Test
	void anUnclosedQuoteCostsItsOwnLineAndTheFollowingLinesAreReadAsRows() throws Exception {
		List<CsvRecord> records = readAll(
				write(utf8("id,prompt\n1,\"A lamp on a desk\n2,A chair\n3,\"A sofa, grey\"\n")));

		assertThat(records).containsExactly(
				new CsvRecord(1, 2, List.of("1", "\"A lamp on a desk"),
						"a quoted cell that starts on line 2 is never closed: a \" is missing, or a \" inside it is"
								+ " not doubled"),
				new CsvRecord(2, 3, List.of("2", "A chair")), new CsvRecord(3, 4, List.of("3", "A sofa, grey")));
	}

	@Test
	void aStrayQuoteInAnUnquotedCellDoesNotSwallowTheNextLines() throws Exception {
		List<CsvRecord> records = readAll(write(utf8("id,prompt\n1,A 27\" monitor\n2,A keyboard\n")));

		assertThat(records).containsExactly(new CsvRecord(1, 2, List.of("1", "A 27\" monitor"),
				"line 2 has a \" inside a cell that does not start with one: put the cell in quotes and double its \""
						+ " (\"A 27\"\" frame\")"),
				new CsvRecord(2, 3, List.of("2", "A keyboard")));
	}

	@Test
	void aQuoteThatIsNotDoubledInsideAQuotedCellIsFlaggedOnItsLine() throws Exception {
		List<CsvRecord> records = readAll(
				write(utf8("id,prompt\n1,\"A 27\" monitor on a desk\n2,A lamp\n3,\"Quoted, fine\"\n")));

		assertThat(records).extracting(CsvRecord::line, CsvRecord::problem)
			.containsExactly(tuple(2L,
					"line 2 has text after the closing \" of a quoted cell: double every \" inside a quoted cell"),
					tuple(3L, null), tuple(4L, null));
	}

	@Test
	void theDelimiterIsSniffedFromTheHeaderAndANamedOneWins() throws Exception {
		Path semicolons = write(utf8("prompt;\"id, or key\"\n\"a cat, sleeping\";1\n"));
		Path pipes = write(utf8("prompt|id\na cat; sleeping|1\n"));
		Path colons = write(utf8("prompt:id\na cat, sleeping:1\n"));

		assertThat(readAll(semicolons)).extracting(CsvRecord::cells).containsExactly(List.of("a cat, sleeping", "1"));
		assertThat(readAll(pipes)).extracting(CsvRecord::cells).containsExactly(List.of("a cat; sleeping", "1"));
		assertThat(readAll(colons, new CsvOptions(null, ':'))).extracting(CsvRecord::cells)
			.containsExactly(List.of("a cat, sleeping", "1"));
	}

	@Test
	void utf16IsReadInEitherByteOrderWithOrWithoutAByteOrderMark() throws Exception {
		String text = "prompt\tid\r\n猫が寝ている 🐈\t1\r\n";
		List<byte[]> files = List.of(concat(new byte[] { (byte) 0xFE, (byte) 0xFF }, text.getBytes(UTF_16BE)),
				concat(new byte[] { (byte) 0xFF, (byte) 0xFE }, text.getBytes(UTF_16LE)), text.getBytes(UTF_16LE),
				text.getBytes(UTF_16BE));

		for (byte[] file : files) {
			assertThat(readAll(write(file))).containsExactly(new CsvRecord(1, 2, List.of("猫が寝ている 🐈", "1")));
		}
	}

	@Test
	void excelsSeparatorLineNamesTheDelimiterAndIsNotTheHeader() throws Exception {
		Path file = write(utf8("sep=;\r\nprompt;id\r\na cat, sleeping;1\r\n"));

		assertThat(readAll(file)).containsExactly(new CsvRecord(1, 3, List.of("a cat, sleeping", "1")));
	}

	@Test
	void aRestartResumesAfterTheCommittedRecordsWithTheirRowAndLineNumbers() throws Exception {
		Path file = write(utf8("prompt,id\n\"two\nlines\",1\n\nsecond,2\nthird,3\n\"more\nlines\",4\nfifth,5\n"));
		ExecutionContext context = new ExecutionContext();
		SpreadsheetCsvReader firstRun = new SpreadsheetCsvReader(file, CsvOptions.DETECT);
		firstRun.open(context);
		firstRun.read();
		firstRun.read();
		firstRun.update(context);
		firstRun.read();
		firstRun.close();

		SpreadsheetCsvReader restart = new SpreadsheetCsvReader(file, CsvOptions.DETECT);
		restart.open(new ExecutionContext(context));

		assertThat(context.getInt("csv.read.count")).isEqualTo(2);
		assertThat(restart.header()).containsExactly("prompt", "id");
		assertThat(restart.read()).isEqualTo(new CsvRecord(3, 6, List.of("third", "3")));
		assertThat(restart.read()).isEqualTo(new CsvRecord(4, 7, List.of("more\nlines", "4")));
		assertThat(restart.read()).isEqualTo(new CsvRecord(5, 9, List.of("fifth", "5")));
		assertThat(restart.read()).isNull();
		restart.close();
	}

	@Test
	void theHeaderIsOnlyKnownOnceOpened() {
		SpreadsheetCsvReader reader = new SpreadsheetCsvReader(this.dir.resolve("prompts.csv"), CsvOptions.DETECT);

		assertThatIllegalStateException().isThrownBy(reader::header);
	}

	@Test
	void undecodableBytesAreAnInputProblemNamingTheLine() throws Exception {
		Path file = write(concat(utf8("prompt,id\r\ncrème,1\r\ncaf"), new byte[] { (byte) 0xE9 }, utf8(",2\r\n")));

		assertThatThrownBy(() -> readAll(file)).isInstanceOf(CsvInputException.class)
			.hasMessageContaining("line 3 has byte 0xE9")
			.hasMessageContaining("\"CSV UTF-8\"");
	}

	@Test
	void aMissingFileIsAnInputProblemRatherThanAWrappedStreamException() {
		SpreadsheetCsvReader reader = new SpreadsheetCsvReader(this.dir.resolve("missing.csv"), CsvOptions.DETECT);

		assertThatThrownBy(() -> reader.open(new ExecutionContext())).isInstanceOf(CsvInputException.class)
			.hasMessageEndingWith("missing.csv\" does not exist");
	}

	private List<CsvRecord> readAll(Path file) throws Exception {
		return readAll(file, CsvOptions.DETECT);
	}

	private List<CsvRecord> readAll(Path file, CsvOptions options) throws Exception {
		SpreadsheetCsvReader reader = new SpreadsheetCsvReader(file, options);
		reader.open(new ExecutionContext());
		try {
			List<CsvRecord> records = new ArrayList<>();
			for (CsvRecord record = reader.read(); record != null; record = reader.read()) {
				records.add(record);
			}
			return records;
		}
		finally {
			reader.close();
		}
	}

	private Path write(byte[] bytes) throws IOException {
		return Files.write(Files.createTempFile(this.dir, "prompts", ".csv"), bytes);
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] concat(byte[]... parts) {
		int length = 0;
		for (byte[] part : parts) {
			length += part.length;
		}
		byte[] all = new byte[length];
		int position = 0;
		for (byte[] part : parts) {
			System.arraycopy(part, 0, all, position, part.length);
			position += part.length;
		}
		return all;
	}

}
