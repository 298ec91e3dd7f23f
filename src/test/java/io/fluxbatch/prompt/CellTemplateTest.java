package io.fluxbatch.prompt;

import java.util.List;

import io.fluxbatch.csv.CsvInputException;
import io.fluxbatch.csv.CsvRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CellTemplateTest {

	private static final List<String> HEADER = List.of("Title", "Color", "Body (HTML)");

	@Test
	void fieldsTakeTheirCellsWithHtmlReducedToTextAndDefaultsForEmptyCells() {
		CellTemplate template = CellTemplate.parse("--prompt-template",
				"{Title} in {Color|natural}: {Body (HTML)} {{x}}", HEADER);

		assertThat(template.fill(record("Mug", "", "<p>Fired <b>twice</b> &amp; glazed</p>")).text())
			.isEqualTo("Mug in natural: Fired twice & glazed {x}");
	}

	@Test
	void aRowWithEveryFieldEmptyIsSkippedAndOneWithSomeEmptyNamesThem() {
		CellTemplate template = CellTemplate.parse("--prompt-template", "{Title} in {Color}", HEADER);

		assertThat(template.fill(record("", "", "ignored")).allEmpty()).isTrue();
		assertThat(template.fill(record("", "Red", "")).problem())
			.isEqualTo("empty {Title} for \"{Title} in {Color}\": fill it, or give a default such as {Title|...}");
	}

	@Test
	void aFieldNoHeaderHasOrAnOpenBraceIsAnInputProblem() {
		assertThatThrownBy(() -> CellTemplate.parse("--file-name", "{Handle}", HEADER))
			.isInstanceOf(CsvInputException.class)
			.hasMessage(
					"--file-name names {Handle}, but no column is called 'Handle' (columns: Title, Color, Body (HTML))");
		assertThatThrownBy(() -> CellTemplate.parse("--prompt-template", "{Title", HEADER))
			.isInstanceOf(CsvInputException.class)
			.hasMessageContaining("has a { that no } closes");
	}

	@Test
	void anErrorValueInAFieldIsRejected() {
		CellTemplate template = CellTemplate.parse("--prompt-template", "{Title}", HEADER);

		assertThat(template.fill(record("#REF!", "", "")).problem())
			.startsWith("column 'Title' holds the spreadsheet error #REF!");
	}

	private static CsvRecord record(String... cells) {
		return new CsvRecord(1, 2, List.of(cells));
	}

}
