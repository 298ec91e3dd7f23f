package io.fluxbatch.prompt;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * How a catalog's own columns become prompts ({@code flux.job.catalog.*}, or the options
 * of the same names): which column feeds which field, or a template over the columns, how
 * many images each row gets, and how their files are named. Everything left {@code null}
 * is found from the header as before.
 *
 * @param promptColumn the column holding the prompt, instead of one named {@code prompt}
 * @param keyColumn the column holding the key, instead of one named {@code id},
 * {@code key} or {@code sku}
 * @param inputUrlsColumn the column holding the reference images
 * @param promptTemplate a prompt built from columns, such as {@code Product photo of
 * {Title} in {Color|natural}}
 * @param fileName the images' file names built from columns, such as
 * {@code {Handle}-{Option1 Value}}
 * @param imagesPerRow how many distinct images each row gets (a row's {@code images} cell
 * wins)
 */
public record CatalogSettings(String promptColumn, String keyColumn, String inputUrlsColumn, String promptTemplate,
		String fileName, @Min(1) @Max(CatalogSettings.MAX_IMAGES_PER_ROW) Integer imagesPerRow) {

	/** The most images one row may ask for. */
	public static final int MAX_IMAGES_PER_ROW = 10;

	/** Everything found from the header. */
	public static final CatalogSettings NONE = new CatalogSettings(null, null, null, null, null, null);

	public CatalogSettings {
		promptColumn = blankToNull(promptColumn);
		keyColumn = blankToNull(keyColumn);
		inputUrlsColumn = blankToNull(inputUrlsColumn);
		promptTemplate = blankToNull(promptTemplate);
		fileName = blankToNull(fileName);
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
