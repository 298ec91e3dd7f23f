package io.fluxbatch.prompt;

/**
 * The FLUX.2 model tiers, which set the price.
 */
public enum ModelFamily {

	PRO, FLEX

}
