package io.fluxbatch.reuse;

/**
 * A row waiting for its first submission whose image the library may already hold.
 */
public record ReusableRow(long instanceId, int rowNo, String fingerprint, String fileName) {
}
