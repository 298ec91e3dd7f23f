package io.fluxbatch.prompt;

/**
 * Credits the vendor charges per generated image, as listed on the API page.
 */
public final class PriceTable {

	private PriceTable() {
	}

	/**
	 * Returns the price of one image.
	 * @param model the model
	 * @param resolution the resolution
	 * @return the credits charged on success
	 */
	public static long credits(Model model, Resolution resolution) {
		return switch (model.family()) {
			case PRO -> (resolution == Resolution.R1K) ? 15 : 20;
			case FLEX -> (resolution == Resolution.R1K) ? 45 : 75;
		};
	}

}
