package io.fluxbatch.prompt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A validated prompt, ready to submit to the API.
 *
 * @param key the row's key: the trimmed key cell, or the row number
 * @param fileName the key made safe as a file name on any system, without extension
 * @param model the model to call
 * @param text the prompt text, trimmed
 * @param resolution the output size
 * @param aspectRatio one of {@code 1:1 16:9 9:16 4:3 3:4 3:2 2:3 auto}
 * @param inputUrls the reference images, empty for text-to-image
 * @param regenerate whether the row asks for a new image even when one with the same
 * fingerprint exists
 */
public record Prompt(String key, String fileName, Model model, String text, Resolution resolution, String aspectRatio,
		List<String> inputUrls, boolean regenerate) {

	public Prompt {
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(fileName, "fileName");
		Objects.requireNonNull(model, "model");
		Objects.requireNonNull(text, "text");
		Objects.requireNonNull(resolution, "resolution");
		Objects.requireNonNull(aspectRatio, "aspectRatio");
		inputUrls = List.copyOf(inputUrls);
	}

	/** A prompt that takes an existing image when there is one. */
	public Prompt(String key, String fileName, Model model, String text, Resolution resolution, String aspectRatio,
			List<String> inputUrls) {
		this(key, fileName, model, text, resolution, aspectRatio, inputUrls, false);
	}

	/** The credits this prompt costs when its image is generated. */
	public long credits() {
		return PriceTable.credits(this.model, this.resolution);
	}

	/**
	 * The SHA-256 of everything the API is given to make the image (model, resolution,
	 * aspect ratio, input URLs in their order, prompt text), and of nothing else: two
	 * rows with the same fingerprint ask for the same image, whatever their key, and a
	 * change to any of these asks for a new one. Each part is written with its length, so
	 * no two different prompts can give the same text to hash.
	 * @return 64 lower-case hex digits
	 */
	public String fingerprint() {
		StringBuilder canonical = new StringBuilder("flux-batch image v1\n");
		part(canonical, "model", this.model.apiName());
		part(canonical, "resolution", this.resolution.label());
		part(canonical, "aspect_ratio", this.aspectRatio);
		canonical.append("input_urls ").append(this.inputUrls.size()).append('\n');
		this.inputUrls.forEach((url) -> part(canonical, "url", url));
		part(canonical, "prompt", this.text);
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException impossible) {
			throw new IllegalStateException("every JVM has SHA-256", impossible);
		}
	}

	private static void part(StringBuilder canonical, String name, String value) {
		canonical.append(name).append(' ').append(value.length()).append(':').append(value).append('\n');
	}

}
