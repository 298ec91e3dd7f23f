package io.fluxbatch.prompt;

import java.util.List;

import io.fluxbatch.csv.CsvInputException;
import io.fluxbatch.csv.CsvRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PromptColumnsTest {

	@ParameterizedTest
	@CsvSource({ "prompt, PROMPT", "id, KEY", "key, KEY", "sku, KEY", "model, MODEL", "resolution, RESOLUTION",
			"aspect_ratio, ASPECT_RATIO", "aspect, ASPECT_RATIO", "ratio, ASPECT_RATIO", "input_urls, INPUT_URLS",
			"input_url, INPUT_URLS", "inputurls, INPUT_URLS", "image_urls, INPUT_URLS", "reference_urls, INPUT_URLS",
			"references, INPUT_URLS" })
	void eachColumnIsFoundByAnyOfItsNames(String name, Column column) {
		PromptColumns columns = PromptColumns.of(List.of("notes", "prompt".equals(name) ? "text" : "prompt", name));

		assertThat(columns.index(column)).hasValue(2);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "Aspect Ratio", "ASPECT-RATIO", "aspect_ratio", " aspect _ ratio ",
			"AspectRatio", "aspect\u00A0ratio" })
	void caseSpacesUnderscoresAndDashesDoNotMatterInHeaders(String name) {
		PromptColumns columns = PromptColumns.of(List.of("Prompt", name));

		assertThat(columns.index(Column.PROMPT)).hasValue(0);
		assertThat(columns.index(Column.ASPECT_RATIO)).hasValue(1);
	}

	@Test
	void otherColumnsAreLeftAlone() {
		PromptColumns columns = PromptColumns.of(List.of("notes", "prompt", "prompt text", "model name"));

		assertThat(columns.has(Column.PROMPT)).isTrue();
		assertThat(columns.has(Column.MODEL)).isFalse();
		assertThat(columns.index(Column.KEY)).isEmpty();
		assertThat(columns.header()).containsExactly("notes", "prompt", "prompt text", "model name");
	}

	@Test
	void aHeaderWithoutAPromptColumnIsAnInputProblemListingTheColumnsFound() {
		assertThatThrownBy(() -> PromptColumns.of(List.of("text", "id", "model"))).isInstanceOf(CsvInputException.class)
			.hasMessageStartingWith("no 'prompt' column (found: text, id, model); name the column that holds the prompt"
					+ " with --prompt-column");
	}

	@Test
	void twoColumnsMeaningTheSameAreAnInputProblem() {
		assertThatThrownBy(() -> PromptColumns.of(List.of("prompt", "id", "SKU"))).isInstanceOf(CsvInputException.class)
			.hasMessage("columns 'id' and 'SKU' both give the id; keep only one of them");
	}

	@Test
	void aCellIsEmptyWhenItsColumnIsAbsentOrTheRecordIsShorter() {
		PromptColumns columns = PromptColumns.of(List.of("id", "prompt", "model"));
		CsvRecord record = new CsvRecord(1, 2, List.of("a1", "a cat"));

		assertThat(columns.cell(record, Column.KEY)).isEqualTo("a1");
		assertThat(columns.cell(record, Column.PROMPT)).isEqualTo("a cat");
		assertThat(columns.cell(record, Column.MODEL)).isEmpty();
		assertThat(columns.cell(record, Column.RESOLUTION)).isEmpty();
	}

}
