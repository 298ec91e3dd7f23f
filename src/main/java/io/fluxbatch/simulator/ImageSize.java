package io.fluxbatch.simulator;

/**
 * Pixel size of a generated image, derived once so the size reported in JSON always
 * matches the PNG served.
 *
 * @param width the width in pixels
 * @param height the height in pixels
 */
record ImageSize(int width, int height) {

	private static final ImageSize TINY = new ImageSize(8, 8);

	static ImageSize of(String resolution, String aspectRatio, boolean tiny) {
		if (tiny) {
			return TINY;
		}
		int longSide = "2K".equals(resolution) ? 2048 : 1024;
		if ("auto".equals(aspectRatio)) {
			return new ImageSize(longSide, longSide);
		}
		String[] parts = aspectRatio.split(":");
		int across = Integer.parseInt(parts[0]);
		int down = Integer.parseInt(parts[1]);
		if (across >= down) {
			return new ImageSize(longSide, (int) Math.round((double) longSide * down / across));
		}
		return new ImageSize((int) Math.round((double) longSide * across / down), longSide);
	}

}
