package io.fluxbatch.report;

import java.util.List;

/**
 * Images and credits of one model at one resolution.
 */
public record TotalsLine(String model, String resolution, long images, long credits) {

	/**
	 * The label of the line for tasks that may exist unseen: images possibly paid twice
	 * and the most they may have cost.
	 */
	public static final String POSSIBLE_DUPLICATES = "POSSIBLE_DUPLICATES";

	List<String> cells() {
		return List.of(this.model, this.resolution, Long.toString(this.images), Long.toString(this.credits));
	}

}
