package io.fluxbatch.simulator;

import java.util.List;

/**
 * A validated generation request, the same whichever request dialect it arrived in.
 *
 * @param modelName the model exactly as sent
 * @param model the model it names
 * @param prompt the prompt
 * @param resolution {@code 1K} or {@code 2K}
 * @param aspectRatio one of the supported aspect ratios
 * @param inputUrls input image URLs, empty for text-to-image
 */
record GenerationRequest(String modelName, FluxModel model, String prompt, String resolution, String aspectRatio,
		List<String> inputUrls) {

	GenerationRequest {
		inputUrls = List.copyOf(inputUrls);
	}

	int credits() {
		return this.model.family().credits(this.resolution);
	}

}
