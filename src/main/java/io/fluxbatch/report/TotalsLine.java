package io.fluxbatch.report;

/**
 * Images and credits of one model at one resolution.
 */
public record TotalsLine(String model, String resolution, long images, long credits) {
}
