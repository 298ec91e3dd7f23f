package io.fluxbatch.prompt;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PriceTableTest {

	@ParameterizedTest
	@CsvSource({ "PRO_TEXT_TO_IMAGE, R1K, 15", "PRO_TEXT_TO_IMAGE, R2K, 20", "PRO_IMAGE_TO_IMAGE, R1K, 15",
			"PRO_IMAGE_TO_IMAGE, R2K, 20", "FLEX_TEXT_TO_IMAGE, R1K, 45", "FLEX_TEXT_TO_IMAGE, R2K, 75",
			"FLEX_IMAGE_TO_IMAGE, R1K, 45", "FLEX_IMAGE_TO_IMAGE, R2K, 75" })
	void eachModelAndResolutionCostsWhatTheApiPageLists(Model model, Resolution resolution, long credits) {
		assertThat(PriceTable.credits(model, resolution)).isEqualTo(credits);
	}

}
