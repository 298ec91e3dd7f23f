package io.fluxbatch.prompt;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns the model a user wrote into an API model: the full endpoint names, or the
 * shorthand {@code pro} / {@code flex}, which picks image-to-image when the row has input
 * URLs.
 */
final class ModelRule {

	private static final Map<String, Model> FULL_NAMES = new HashMap<>();

	private static final Map<String, ModelFamily> SHORTHANDS = Map.of("pro", ModelFamily.PRO, "flex", ModelFamily.FLEX);

	static {
		for (Model model : Model.values()) {
			FULL_NAMES.put(normalised(model.apiName()), model);
		}
	}

	private static final String ACCEPTED = "pro, flex, " + Arrays.stream(Model.values())
		.map(Model::apiName)
		.collect(Collectors.joining(", "))
		.replaceFirst(", ([^,]+)$", " or $1");

	private ModelRule() {
	}

	static Model resolve(Setting setting, boolean hasInputUrls) throws RowRejection {
		if (setting.isEmpty()) {
			throw new RowRejection("model is empty and no default model is configured; use " + ACCEPTED);
		}
		String name = normalised(setting.value());
		ModelFamily family = SHORTHANDS.get(name);
		if (family != null) {
			return Model.of(family, hasInputUrls);
		}
		Model model = FULL_NAMES.get(name);
		if (model == null) {
			throw new RowRejection("model " + setting.quoted() + " is unknown; use " + ACCEPTED);
		}
		if (hasInputUrls && !model.imageToImage()) {
			throw new RowRejection("model " + setting.quoted() + " is text-to-image but the row has input URLs; use "
					+ model.otherMode().apiName() + " or " + shorthand(model) + ", or remove the input URLs");
		}
		if (!hasInputUrls && model.imageToImage()) {
			throw new RowRejection(
					"model " + setting.quoted() + " needs input URLs but the row has none; add them, or use "
							+ model.otherMode().apiName() + " or " + shorthand(model));
		}
		return model;
	}

	/**
	 * Reduces the ways people write a model name ("FLUX.2 [pro]", "flux-2/pro",
	 * "flux-2-pro-text-to-image") to one spelling.
	 */
	private static String normalised(String name) {
		return name.strip()
			.toLowerCase(Locale.ROOT)
			.replaceAll("[\\s./_\\[\\]()-]+", "-")
			.replaceAll("^-+|-+$", "")
			.replaceFirst("^flux-?2-", "");
	}

	private static String shorthand(Model model) {
		return model.family().name().toLowerCase(Locale.ROOT);
	}

}
