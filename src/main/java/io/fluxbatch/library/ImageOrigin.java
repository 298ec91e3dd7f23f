package io.fluxbatch.library;

/**
 * Where a library's image was made: the embedded simulator's placeholder cards must never
 * stand in for a real run's images, nor the other way round.
 */
public final class ImageOrigin {

	/** Made by the vendor's API (or any server given as the base URL). */
	public static final String API = "api";

	/** Made by the embedded simulator ({@code --simulate}). */
	public static final String SIMULATED = "simulated";

	private ImageOrigin() {
	}

	public static String of(boolean simulated) {
		return simulated ? SIMULATED : API;
	}

}
