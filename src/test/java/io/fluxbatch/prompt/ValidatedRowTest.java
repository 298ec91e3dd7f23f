package io.fluxbatch.prompt;

import java.util.List;

import io.fluxbatch.csv.CsvRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ValidatedRowTest {

	private static final CsvRecord RECORD = new CsvRecord(3, 4, List.of("a cat"));

	private static final Prompt PROMPT = new Prompt("k", "k", Model.PRO_TEXT_TO_IMAGE, "a cat", Resolution.R1K, "1:1",
			List.of());

	@Test
	void anAcceptedRowHasThePromptsKey() {
		assertThat(new ValidatedRow(RECORD, PROMPT, null).key()).isEqualTo("k");
	}

	@Test
	void aRejectedRowWithoutKnownKeyHasItsRowNumber() {
		assertThat(new ValidatedRow(RECORD, null, "prompt is empty").key()).isEqualTo("3");
	}

	@Test
	void aRowHasEitherAPromptOrAReason() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ValidatedRow(RECORD, PROMPT, "why"));
		assertThatIllegalArgumentException().isThrownBy(() -> new ValidatedRow(RECORD, null, null));
	}

}
