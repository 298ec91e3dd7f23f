package io.fluxbatch.api;

import java.util.List;

/**
 * What one image is asked for, in the API's own words (model name, resolution label,
 * aspect ratio).
 */
public record GenerationRequest(String model, String prompt, String resolution, String aspectRatio,
		List<String> inputUrls) {

	public GenerationRequest {
		inputUrls = List.copyOf(inputUrls);
	}

}
