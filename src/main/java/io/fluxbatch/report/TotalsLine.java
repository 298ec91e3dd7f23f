package io.fluxbatch.report;

import java.util.List;

/**
 * One line of totals.csv: images and credits of one model at one resolution.
 *
 * @param images images generated (and paid for)
 * @param credits what they cost
 * @param reused images taken from the library instead, at no cost
 * @param failedGenerations generations that failed; the vendor charges none of them
 * @param refundedCredits what those failed generations would have cost, given back
 */
public record TotalsLine(String model, String resolution, long images, long credits, long reused,
		long failedGenerations, long refundedCredits) {

	/**
	 * The label of the line for tasks that may exist unseen: images possibly paid twice
	 * and the most they may have cost.
	 */
	public static final String POSSIBLE_DUPLICATES = "POSSIBLE_DUPLICATES";

	/** A line with images and credits only. */
	public TotalsLine(String model, String resolution, long images, long credits) {
		this(model, resolution, images, credits, 0, 0, 0);
	}

	static final List<String> HEADER = List.of("model", "resolution", "images", "credits", "reused",
			"failed_generations", "refunded_credits");

	List<String> cells() {
		return List.of(this.model, this.resolution, Long.toString(this.images), Long.toString(this.credits),
				Long.toString(this.reused), Long.toString(this.failedGenerations), Long.toString(this.refundedCredits));
	}

	TotalsLine plus(TotalsLine other) {
		return new TotalsLine(this.model, this.resolution, this.images + other.images, this.credits + other.credits,
				this.reused + other.reused, this.failedGenerations + other.failedGenerations,
				this.refundedCredits + other.refundedCredits);
	}

}
