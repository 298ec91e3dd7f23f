package io.fluxbatch.report;

import java.util.List;

/**
 * Images and credits of one model at one resolution.
 */
public record TotalsLine(String model, String resolution, long images, long credits) {

	/** The label of the line for rows whose task may exist twice. */
	public static final String POSSIBLY_PAID_TWICE = "POSSIBLY_PAID_TWICE";

	List<String> cells() {
		return List.of(this.model, this.resolution, Long.toString(this.images), Long.toString(this.credits));
	}

}
