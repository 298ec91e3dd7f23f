package io.fluxbatch.prompt;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PromptFingerprintTest {

	private static final Prompt CAT = new Prompt("sku-1", "sku-1", Model.PRO_IMAGE_TO_IMAGE, "a cat", Resolution.R1K,
			"1:1", List.of("https://images.test/a.png", "https://images.test/b.png"));

	@Test
	void theKeyAndTheRegenerateMarkAreNotPartOfTheImage() {
		Prompt renamed = new Prompt("sku-2", "sku-2", CAT.model(), CAT.text(), CAT.resolution(), CAT.aspectRatio(),
				CAT.inputUrls(), true);

		assertThat(renamed.fingerprint()).isEqualTo(CAT.fingerprint()).matches("[0-9a-f]{64}");
	}

	@Test
	void everythingTheApiIsGivenChangesTheFingerprint() {
		assertThat(List.of(with(Model.FLEX_IMAGE_TO_IMAGE, CAT.text(), CAT.resolution(), "1:1", CAT.inputUrls()),
				with(CAT.model(), "a black cat", CAT.resolution(), "1:1", CAT.inputUrls()),
				with(CAT.model(), CAT.text(), Resolution.R2K, "1:1", CAT.inputUrls()),
				with(CAT.model(), CAT.text(), CAT.resolution(), "16:9", CAT.inputUrls()),
				with(CAT.model(), CAT.text(), CAT.resolution(), "1:1",
						List.of("https://images.test/b.png", "https://images.test/a.png")),
				with(CAT.model(), CAT.text(), CAT.resolution(), "1:1", List.of("https://images.test/a.png"))))
			.extracting(Prompt::fingerprint)
			.doesNotContain(CAT.fingerprint())
			.doesNotHaveDuplicates();
	}

	@Test
	void partsCannotBeShiftedFromOneFieldIntoAnother() {
		Prompt one = with(CAT.model(), "a cat\nurl 1:x", CAT.resolution(), "1:1", List.of());
		Prompt other = with(CAT.model(), "a cat", CAT.resolution(), "1:1", List.of("x"));

		assertThat(one.fingerprint()).isNotEqualTo(other.fingerprint());
	}

	private static Prompt with(Model model, String text, Resolution resolution, String aspectRatio,
			List<String> inputUrls) {
		return new Prompt("k", "k", model, text, resolution, aspectRatio, inputUrls);
	}

}
