package io.fluxbatch.prompt;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ModelTest {

	@Test
	void modelsAreFoundByTheirApiName() {
		assertThat(Model.fromApiName("flux-2/flex-image-to-image")).hasValue(Model.FLEX_IMAGE_TO_IMAGE);
		assertThat(Model.fromApiName(" FLUX-2/PRO-TEXT-TO-IMAGE ")).hasValue(Model.PRO_TEXT_TO_IMAGE);
		assertThat(Model.fromApiName("pro")).isEmpty();
	}

	@Test
	void eachModelKnowsItsFamilyAndMode() {
		assertThat(Model.PRO_IMAGE_TO_IMAGE.family()).isEqualTo(ModelFamily.PRO);
		assertThat(Model.PRO_IMAGE_TO_IMAGE.imageToImage()).isTrue();
		assertThat(Model.FLEX_TEXT_TO_IMAGE.family()).isEqualTo(ModelFamily.FLEX);
		assertThat(Model.FLEX_TEXT_TO_IMAGE.imageToImage()).isFalse();
	}

	@Test
	void resolutionsAreFoundByTheirLabelInAnyCase() {
		assertThat(Resolution.fromLabel("2k")).hasValue(Resolution.R2K);
		assertThat(Resolution.fromLabel(" 1K ")).hasValue(Resolution.R1K);
		assertThat(Resolution.fromLabel("4K")).isEmpty();
	}

}
