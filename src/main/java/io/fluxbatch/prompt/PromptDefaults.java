package io.fluxbatch.prompt;

/**
 * The job-wide values a blank cell falls back to, kept as configured so a bad default is
 * reported on each row that uses it, like a bad cell.
 *
 * @param model the default model, for example {@code pro}; blank for none
 * @param resolution the default resolution; blank for the API's default, 1K
 * @param aspectRatio the default aspect ratio; blank for the API's default, 1:1
 */
public record PromptDefaults(String model, String resolution, String aspectRatio) {

	public PromptDefaults {
		model = (model != null) ? model : "";
		resolution = (resolution != null) ? resolution : "";
		aspectRatio = (aspectRatio != null) ? aspectRatio : "";
	}

}
