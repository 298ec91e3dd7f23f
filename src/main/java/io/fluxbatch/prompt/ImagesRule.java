package io.fluxbatch.prompt;

/**
 * How many distinct images a row gets: its {@code images} cell, else the job's
 * {@code images-per-row}, 1 to {@value CatalogSettings#MAX_IMAGES_PER_ROW}.
 */
final class ImagesRule {

	private ImagesRule() {
	}

	static int resolve(String cell, int perRow) throws RowRejection {
		String value = cell.strip();
		if (value.isEmpty()) {
			return perRow;
		}
		int images;
		try {
			images = Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			images = -1;
		}
		if (images < 1 || images > CatalogSettings.MAX_IMAGES_PER_ROW) {
			throw new RowRejection("images " + Quoted.value(value) + " is not a whole number from 1 to "
					+ CatalogSettings.MAX_IMAGES_PER_ROW);
		}
		return images;
	}

}
