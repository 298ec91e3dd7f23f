package io.fluxbatch.api;

/**
 * A fresh download URL for a completed task, for when the result URL has expired or
 * fails.
 */
public record DownloadLink(String url, String expiresAt) {
}
