package io.fluxbatch.report;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ResultColumns} over a {@link ResultRow}: results.csv keeps the input's columns
 * where the user put them, then adds ours.
 */
class ResultColumnsTest {

	@Test
	void theInputsColumnsComeFirstAndOursAfterThem() {
		ResultColumns columns = new ResultColumns(List.of("sku", "prompt"));

		assertThat(columns.header()).startsWith("sku", "prompt", "row", "key", "status", "model")
			.endsWith("reused_from", "failed_generations");
		assertThat(columns.values(completed(List.of("A1", "A red chair")))).startsWith("A1", "A red chair", "2", "A1",
				"COMPLETED", "flux-2/pro-text-to-image");
	}

	@Test
	void anInputColumnNamedLikeOursIsWrittenOnceWhereTheUserPutItWithTheValueUsed() {
		ResultColumns columns = new ResultColumns(List.of("Model", "prompt"));

		assertThat(columns.header()).startsWith("Model", "prompt", "row", "key", "status", "resolution")
			.doesNotContain("model");
		assertThat(columns.values(completed(List.of("", "A red chair")))).startsWith("flux-2/pro-text-to-image",
				"A red chair");
	}

	@Test
	void aRejectedRowKeepsWhatTheUserWroteSoItCanBeFixed() {
		ResultColumns columns = new ResultColumns(List.of("sku", "resolution", "prompt"));
		ResultRow rejected = new ResultRow(2, 2, List.of("A1", "4K", "A red chair"), "A1", "REJECTED", null, null, null,
				null, null, null, null, null, null, null, null, 0, "resolution 4K is not 1K or 2K", false, null, 0);

		List<String> values = columns.values(rejected);

		assertThat(values).startsWith("A1", "4K", "A red chair");
		assertThat(values).hasSameSizeAs(columns.header()).contains("resolution 4K is not 1K or 2K");
	}

	@Test
	void aRowShorterThanTheHeaderGetsEmptyCells() {
		ResultColumns columns = new ResultColumns(List.of("sku", "prompt", "note"));

		assertThat(columns.values(completed(List.of("A1", "A red chair")))).startsWith("A1", "A red chair", "")
			.hasSameSizeAs(columns.header());
	}

	private static ResultRow completed(List<String> cells) {
		return new ResultRow(2, 2, cells, "A1", "COMPLETED", "flux-2/pro-text-to-image", "1K", "1:1", "task-1",
				"https://cdn.example/1.png", "images/A1.png", 1024, 1024, 1000L, "ab", 30L, 1, null, false, null, 0);
	}

}
