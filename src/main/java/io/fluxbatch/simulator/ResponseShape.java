package io.fluxbatch.simulator;

/**
 * The two JSON shapes the FLUX.2 API has been seen answering with, so the client can be
 * tested against both.
 */
public enum ResponseShape {

	/**
	 * Flat bodies such as {@code {"taskId": ..., "status": ..., "output": {...}}}.
	 */
	SEED,

	/**
	 * Bodies wrapped as {@code {"success": true, "data": {...}}}.
	 */
	ENVELOPE

}
