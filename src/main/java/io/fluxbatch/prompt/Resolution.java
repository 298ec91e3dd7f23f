package io.fluxbatch.prompt;

import java.util.Arrays;
import java.util.Optional;

/**
 * The output sizes the API offers.
 */
public enum Resolution {

	R1K("1K"), R2K("2K");

	private final String label;

	Resolution(String label) {
		this.label = label;
	}

	/** The label the API and users use, {@code 1K} or {@code 2K}. */
	public String label() {
		return this.label;
	}

	/**
	 * Finds a resolution by its label, ignoring case and surrounding spaces.
	 * @param label for example {@code 2k}
	 * @return the resolution, if any
	 */
	public static Optional<Resolution> fromLabel(String label) {
		String name = label.strip();
		return Arrays.stream(values()).filter((resolution) -> resolution.label.equalsIgnoreCase(name)).findFirst();
	}

}
