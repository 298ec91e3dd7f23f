package io.fluxbatch.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a {@code POST /generate} body in either dialect and validates it the way the real
 * API does, so the client's error handling meets the same codes.
 *
 * <p>
 * Seed dialect: {@code {"model", "prompt", "options": {"resolution", "aspectRatio",
 * "inputUrls"}}}. Newer dialect: {@code {"model", "input": {"prompt", "resolution",
 * "aspect_ratio", "input_urls"}}}. Fields are looked up leniently in {@code input}, then
 * {@code options}, then the top level, in either spelling, so a client mixing the two is
 * not punished for it.
 */
final class GenerationRequestParser {

	static final int MIN_PROMPT_LENGTH = 3;

	static final int MAX_PROMPT_LENGTH = 5000;

	static final int MAX_INPUT_IMAGES = 8;

	private static final Set<String> RESOLUTIONS = Set.of("1K", "2K");

	private static final Set<String> ASPECT_RATIOS = Set.of("1:1", "16:9", "9:16", "4:3", "3:4", "3:2", "2:3", "auto");

	private final JsonMapper json;

	GenerationRequestParser(JsonMapper json) {
		this.json = json;
	}

	GenerationRequest parse(String body) {
		JsonNode root = readObject(body);
		List<JsonNode> sections = List.of(root.path("input"), root.path("options"), root);
		String modelName = text(root, "model", "INVALID_MODEL");
		FluxModel model = FluxModel.fromName(modelName)
			.orElseThrow(() -> ApiException.badRequest("INVALID_MODEL", "Unknown model: " + modelName));
		String prompt = validPrompt(find(sections, "prompt"));
		String resolution = validChoice(find(sections, "resolution"), "resolution", "1K", RESOLUTIONS,
				"INVALID_RESOLUTION");
		String aspectRatio = validChoice(find(sections, "aspect_ratio", "aspectRatio"), "aspect ratio", "1:1",
				ASPECT_RATIOS, "INVALID_ASPECT_RATIO");
		List<String> inputUrls = validInputUrls(model, find(sections, "input_urls", "inputUrls"));
		return new GenerationRequest(modelName, model, prompt, resolution, aspectRatio, inputUrls);
	}

	private JsonNode readObject(String body) {
		JsonNode root;
		try {
			root = this.json.readTree(body);
		}
		catch (JacksonException ex) {
			throw ApiException.badRequest("INVALID_INPUT", "Request body is not valid JSON");
		}
		if (root == null || !root.isObject()) {
			throw ApiException.badRequest("INVALID_INPUT", "Request body must be a JSON object");
		}
		return root;
	}

	private static JsonNode find(List<JsonNode> sections, String... names) {
		for (JsonNode section : sections) {
			for (String name : names) {
				JsonNode value = section.path(name);
				if (!value.isMissingNode() && !value.isNull()) {
					return value;
				}
			}
		}
		return null;
	}

	private static String text(JsonNode root, String field, String errorCode) {
		JsonNode value = root.path(field);
		if (!value.isString()) {
			throw ApiException.badRequest(errorCode, "Field '" + field + "' is required and must be a string");
		}
		return value.stringValue();
	}

	private static String validPrompt(JsonNode value) {
		if (value == null || !value.isString() || value.stringValue().isBlank()) {
			throw ApiException.badRequest("INVALID_PROMPT", "Prompt is required and must be a non-blank string");
		}
		String prompt = value.stringValue();
		int length = prompt.codePointCount(0, prompt.length());
		if (length < MIN_PROMPT_LENGTH || length > MAX_PROMPT_LENGTH) {
			throw ApiException.badRequest("INVALID_PROMPT", "Prompt must be between " + MIN_PROMPT_LENGTH + " and "
					+ MAX_PROMPT_LENGTH + " characters, was " + length);
		}
		return prompt;
	}

	private static String validChoice(JsonNode value, String what, String fallback, Set<String> allowed,
			String errorCode) {
		if (value == null) {
			return fallback;
		}
		if (!value.isString() || !allowed.contains(value.stringValue())) {
			throw ApiException.badRequest(errorCode,
					"Unsupported " + what + " " + value + "; expected one of " + allowed.stream().sorted().toList());
		}
		return value.stringValue();
	}

	private static List<String> validInputUrls(FluxModel model, JsonNode value) {
		List<String> urls = inputUrls(value);
		if (!model.imageToImage()) {
			if (!urls.isEmpty()) {
				throw ApiException.badRequest("INVALID_INPUT", "Text-to-image models do not take input images");
			}
			return urls;
		}
		if (urls.isEmpty()) {
			throw ApiException.badRequest("MISSING_INPUT_IMAGES", "Image-to-image models need at least one input URL");
		}
		if (urls.size() > MAX_INPUT_IMAGES) {
			throw ApiException.badRequest("TOO_MANY_INPUT_IMAGES",
					"At most " + MAX_INPUT_IMAGES + " input images are allowed, got " + urls.size());
		}
		return urls;
	}

	private static List<String> inputUrls(JsonNode value) {
		if (value == null) {
			return List.of();
		}
		if (!value.isArray()) {
			throw ApiException.badRequest("INVALID_INPUT", "Input URLs must be an array of strings");
		}
		List<String> urls = new ArrayList<>();
		for (JsonNode element : value.values()) {
			if (!element.isString() || element.stringValue().isBlank()) {
				throw ApiException.badRequest("INVALID_INPUT", "Input URLs must be non-blank strings");
			}
			urls.add(element.stringValue());
		}
		return urls;
	}

}
