package io.fluxbatch.prompt;

import java.util.List;
import java.util.Objects;

/**
 * A validated prompt, ready to submit to the API.
 *
 * @param key the row's key: the trimmed key cell, or the row number
 * @param fileName the key made safe as a file name on any system, without extension
 * @param model the model to call
 * @param text the prompt text, trimmed
 * @param resolution the output size
 * @param aspectRatio one of {@code 1:1 16:9 9:16 4:3 3:4 3:2 2:3 auto}
 * @param inputUrls the reference images, empty for text-to-image
 */
public record Prompt(String key, String fileName, Model model, String text, Resolution resolution, String aspectRatio,
		List<String> inputUrls) {

	public Prompt {
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(fileName, "fileName");
		Objects.requireNonNull(model, "model");
		Objects.requireNonNull(text, "text");
		Objects.requireNonNull(resolution, "resolution");
		Objects.requireNonNull(aspectRatio, "aspectRatio");
		inputUrls = List.copyOf(inputUrls);
	}

	/** The credits this prompt costs when its image is generated. */
	public long credits() {
		return PriceTable.credits(this.model, this.resolution);
	}

}
