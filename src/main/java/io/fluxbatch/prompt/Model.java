package io.fluxbatch.prompt;

import java.util.Arrays;
import java.util.Optional;

/**
 * The FLUX.2 models the API offers, named as its endpoints are.
 */
public enum Model {

	PRO_TEXT_TO_IMAGE("flux-2/pro-text-to-image", ModelFamily.PRO, false),

	FLEX_TEXT_TO_IMAGE("flux-2/flex-text-to-image", ModelFamily.FLEX, false),

	PRO_IMAGE_TO_IMAGE("flux-2/pro-image-to-image", ModelFamily.PRO, true),

	FLEX_IMAGE_TO_IMAGE("flux-2/flex-image-to-image", ModelFamily.FLEX, true);

	private final String apiName;

	private final ModelFamily family;

	private final boolean imageToImage;

	Model(String apiName, ModelFamily family, boolean imageToImage) {
		this.apiName = apiName;
		this.family = family;
		this.imageToImage = imageToImage;
	}

	public String apiName() {
		return this.apiName;
	}

	public ModelFamily family() {
		return this.family;
	}

	public boolean imageToImage() {
		return this.imageToImage;
	}

	/**
	 * Finds a model by its exact API name (surrounding spaces and case ignored); for the
	 * lenient names users write in a sheet, the validator does the matching.
	 * @param apiName for example {@code flux-2/pro-text-to-image}
	 * @return the model, if any
	 */
	public static Optional<Model> fromApiName(String apiName) {
		String name = apiName.strip();
		return Arrays.stream(values()).filter((model) -> model.apiName.equalsIgnoreCase(name)).findFirst();
	}

	static Model of(ModelFamily family, boolean imageToImage) {
		return Arrays.stream(values())
			.filter((model) -> model.family == family && model.imageToImage == imageToImage)
			.findFirst()
			.orElseThrow();
	}

	/** The same model in the other mode, for suggesting a fix. */
	Model otherMode() {
		return of(this.family, !this.imageToImage);
	}

}
