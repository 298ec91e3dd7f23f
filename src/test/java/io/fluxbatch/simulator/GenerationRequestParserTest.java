package io.fluxbatch.simulator;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class GenerationRequestParserTest {

	private final GenerationRequestParser parser = new GenerationRequestParser(JsonMapper.builder().build());

	@Test
	void theSeedDialectCarriesInputImagesInItsOptions() {
		GenerationRequest request = this.parser.parse("""
				{"model": "flux-2/flex-image-to-image", "prompt": "make it blue",
				 "options": {"resolution": "2K", "aspectRatio": "4:3", "inputUrls": ["https://example.com/a.png"]}}
				""");

		assertThat(request.model()).isEqualTo(FluxModel.FLEX_IMAGE_TO_IMAGE);
		assertThat(request.modelName()).isEqualTo("flux-2/flex-image-to-image");
		assertThat(request.prompt()).isEqualTo("make it blue");
		assertThat(request.resolution()).isEqualTo("2K");
		assertThat(request.aspectRatio()).isEqualTo("4:3");
		assertThat(request.inputUrls()).containsExactly("https://example.com/a.png");
		assertThat(request.credits()).isEqualTo(75);
	}

	@Test
	void theNewerDialectDefaultsResolutionAndAspectRatio() {
		GenerationRequest request = this.parser
			.parse("{\"model\": \"flux-2-pro-text-to-image\", \"input\": {\"prompt\": \"a red fox\"}}");

		assertThat(request.resolution()).isEqualTo("1K");
		assertThat(request.aspectRatio()).isEqualTo("1:1");
		assertThat(request.inputUrls()).isEmpty();
		assertThat(request.credits()).isEqualTo(15);
	}

	@Test
	void wronglyTypedFieldsAreRejectedWithTheFieldsCode() {
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> this.parser.parse("{\"model\": \"flux-2-pro-text-to-image\", \"input\": "
					+ "{\"prompt\": \"a red fox\", \"resolution\": 1}}"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("INVALID_RESOLUTION"));
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> this.parser.parse("{\"model\": \"flux-2-pro-image-to-image\", \"input\": "
					+ "{\"prompt\": \"a red fox\", \"input_urls\": \"https://example.com/a.png\"}}"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("INVALID_INPUT"));
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> this.parser.parse("[]"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("INVALID_INPUT"));
	}

}
