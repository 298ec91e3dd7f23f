package io.fluxbatch.simulator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FluxModelTest {

	@Test
	void bothSpellingsNameTheSameModel() {
		assertThat(FluxModel.fromName("flux-2/flex-image-to-image")).hasValue(FluxModel.FLEX_IMAGE_TO_IMAGE);
		assertThat(FluxModel.fromName("flux-2-flex-image-to-image")).hasValue(FluxModel.FLEX_IMAGE_TO_IMAGE);
	}

	@Test
	void otherNamesAreUnknown() {
		assertThat(FluxModel.fromName("flux-2_pro-text-to-image")).isEmpty();
		assertThat(FluxModel.fromName("flux-20/pro-text-to-image")).isEmpty();
		assertThat(FluxModel.fromName("flux-2/")).isEmpty();
		assertThat(FluxModel.fromName("FLUX-2/pro-text-to-image")).isEmpty();
		assertThat(FluxModel.fromName(null)).isEmpty();
	}

}
