package io.fluxbatch.simulator;

/**
 * The FLUX.2 model tiers, which decide a task's price and latency.
 */
enum ModelFamily {

	PRO(15, 20), FLEX(45, 75);

	private final int credits1k;

	private final int credits2k;

	ModelFamily(int credits1k, int credits2k) {
		this.credits1k = credits1k;
		this.credits2k = credits2k;
	}

	int credits(String resolution) {
		return "2K".equals(resolution) ? this.credits2k : this.credits1k;
	}

}
