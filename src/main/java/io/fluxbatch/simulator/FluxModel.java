package io.fluxbatch.simulator;

import java.util.Optional;

/**
 * The models the simulated API knows, recognised in both spellings the vendor has used
 * ({@code flux-2/pro-text-to-image} and {@code flux-2-pro-text-to-image}).
 */
enum FluxModel {

	PRO_TEXT_TO_IMAGE("pro-text-to-image", ModelFamily.PRO, false),

	FLEX_TEXT_TO_IMAGE("flex-text-to-image", ModelFamily.FLEX, false),

	PRO_IMAGE_TO_IMAGE("pro-image-to-image", ModelFamily.PRO, true),

	FLEX_IMAGE_TO_IMAGE("flex-image-to-image", ModelFamily.FLEX, true);

	private final String variant;

	private final ModelFamily family;

	private final boolean imageToImage;

	FluxModel(String variant, ModelFamily family, boolean imageToImage) {
		this.variant = variant;
		this.family = family;
		this.imageToImage = imageToImage;
	}

	static Optional<FluxModel> fromName(String name) {
		if (name == null || name.length() <= "flux-2/".length() || !name.startsWith("flux-2")) {
			return Optional.empty();
		}
		char separator = name.charAt("flux-2".length());
		if (separator != '/' && separator != '-') {
			return Optional.empty();
		}
		String variant = name.substring("flux-2/".length());
		for (FluxModel model : values()) {
			if (model.variant.equals(variant)) {
				return Optional.of(model);
			}
		}
		return Optional.empty();
	}

	ModelFamily family() {
		return this.family;
	}

	boolean imageToImage() {
		return this.imageToImage;
	}

}
