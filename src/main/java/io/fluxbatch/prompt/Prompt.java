package io.fluxbatch.prompt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
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
 * @param variant which of a row's images this is, from 1; 0 when rows have one image
 */
public record Prompt(String key, String fileName, Model model, String text, Resolution resolution, String aspectRatio,
		List<String> inputUrls, boolean regenerate, int variant) {

	public Prompt {
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(fileName, "fileName");
		Objects.requireNonNull(model, "model");
		Objects.requireNonNull(text, "text");
		Objects.requireNonNull(resolution, "resolution");
		Objects.requireNonNull(aspectRatio, "aspectRatio");
		inputUrls = List.copyOf(inputUrls);
	}

	/** A row's only image. */
	public Prompt(String key, String fileName, Model model, String text, Resolution resolution, String aspectRatio,
			List<String> inputUrls, boolean regenerate) {
		this(key, fileName, model, text, resolution, aspectRatio, inputUrls, regenerate, 0);
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
	 * no two different prompts can give the same text to hash. Text is taken in Unicode's
	 * composed form (NFC), so a re-export that writes {@code é} as {@code e} and an
	 * accent asks for the same image. The second and later images of a row each have
	 * their own fingerprint (the variant is part of it), so neither the run nor the
	 * library takes one for another; the first is the row's single image of a run without
	 * variants.
	 * @return 64 lower-case hex digits
	 */
	public String fingerprint() {
		StringBuilder canonical = new StringBuilder("flux-batch image v1\n");
		part(canonical, "model", this.model.apiName());
		part(canonical, "resolution", this.resolution.label());
		part(canonical, "aspect_ratio", this.aspectRatio);
		canonical.append("input_urls ").append(this.inputUrls.size()).append('\n');
		this.inputUrls.forEach((url) -> part(canonical, "url", nfc(url)));
		part(canonical, "prompt", nfc(this.text));
		if (this.variant > 1) {
			part(canonical, "variant", Integer.toString(this.variant));
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException impossible) {
			throw new IllegalStateException("every JVM has SHA-256", impossible);
		}
	}

	private static String nfc(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFC);
	}

	private static void part(StringBuilder canonical, String name, String value) {
		canonical.append(name).append(' ').append(value.length()).append(':').append(value).append('\n');
	}

}
