package io.fluxbatch.simulator;

/**
 * A snapshot of what the simulator has seen, so tests and benchmarks can assert on the
 * client's traffic.
 *
 * @param generateRequests every {@code POST /generate} received, rejected ones included
 * @param tasksCreated accepted generations
 * @param pollRequests every {@code GET /tasks/{id}} received
 * @param downloadUrlRequests every {@code GET /tasks/{id}/download} received
 * @param cdnRequests image downloads from the CDN
 * @param cdnRequestsWithAuthorization CDN requests that carried an {@code Authorization}
 * header (the client must never leak its key there)
 * @param rateLimited API requests answered 429, injected bursts included
 * @param serverErrors API requests answered 500 or 503 (injected faults, lost answers and
 * outages)
 * @param droppedConnections API requests whose connection was reset, lost answers
 * included
 * @param generationsFailed tasks that ended {@code failed} so far
 * @param creditsCharged prices of the tasks that completed so far
 * @param creditsBalance the account balance now, reservations of running tasks deducted
 * @param lostResponses generations created whose answer the client never got (answered
 * 500 or reset instead)
 * @param slowResponses API answers held back by the slow-response delay
 * @param truncatedImages CDN downloads that sent only part of the image
 * @param expiredUrls CDN downloads refused with 403 {@code URL_EXPIRED}
 * @param burstRateLimited API requests answered 429 by an injected burst rather than by
 * the configured limits
 * @param concurrencyLimited submissions answered 429 {@code CONCURRENCY_LIMIT}, the key
 * having too many unfinished tasks (counted in {@code rateLimited} too)
 */
public record SimulatorCounters(long generateRequests, long tasksCreated, long pollRequests, long downloadUrlRequests,
		long cdnRequests, long cdnRequestsWithAuthorization, long rateLimited, long serverErrors,
		long droppedConnections, long generationsFailed, long creditsCharged, long creditsBalance, long lostResponses,
		long slowResponses, long truncatedImages, long expiredUrls, long burstRateLimited, long concurrencyLimited) {

	/**
	 * Requests to the three API endpoints, whatever their outcome; CDN downloads and
	 * unknown paths are not included.
	 * @return the number of API requests
	 */
	public long apiRequests() {
		return this.generateRequests + this.pollRequests + this.downloadUrlRequests;
	}

}
