package io.fluxbatch.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The two request bodies the vendor has documented for {@code POST /generate}: the
 * product page's ({@code options.aspectRatio}) and the newer pages'
 * ({@code input.aspect_ratio}, models spelled with a dash).
 */
public enum RequestDialect {

	/** {@code {"model": "flux-2/pro-text-to-image", "prompt": ..., "options": {...}}}. */
	OPTIONS,

	/** {@code {"model": "flux-2-pro-text-to-image", "input": {"prompt": ..., ...}}}. */
	INPUT;

	Map<String, Object> body(GenerationRequest request) {
		Map<String, Object> body = new LinkedHashMap<>();
		if (this == OPTIONS) {
			Map<String, Object> options = new LinkedHashMap<>();
			options.put("resolution", request.resolution());
			options.put("aspectRatio", request.aspectRatio());
			if (!request.inputUrls().isEmpty()) {
				options.put("inputUrls", request.inputUrls());
			}
			body.put("model", request.model());
			body.put("prompt", request.prompt());
			body.put("options", options);
		}
		else {
			Map<String, Object> input = new LinkedHashMap<>();
			input.put("prompt", request.prompt());
			input.put("resolution", request.resolution());
			input.put("aspect_ratio", request.aspectRatio());
			if (!request.inputUrls().isEmpty()) {
				input.put("input_urls", request.inputUrls());
			}
			body.put("model", request.model().replace("flux-2/", "flux-2-"));
			body.put("input", input);
		}
		return body;
	}

}
