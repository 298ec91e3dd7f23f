package io.fluxbatch.simulator;

import java.time.Duration;
import java.time.Instant;

/**
 * A generation task whose whole future is fixed at creation, so its state can be computed
 * from the clock on each poll instead of being driven by a background thread.
 *
 * @param id the task id
 * @param request the validated request
 * @param createdAt when the task was accepted
 * @param latency how long it runs before finishing
 * @param fails whether it ends {@code failed} rather than {@code completed}
 * @param size the size of the image it produces
 * @param resultUrlExpired whether the result URL its polls report has expired, so only a
 * fresh download link fetches its image
 * @param responseLost whether the answer to the request that created it was lost
 * @param apiKey the {@code Authorization} header it was created with, the account its
 * slot counts against
 */
record SimulatedTask(String id, GenerationRequest request, Instant createdAt, Duration latency, boolean fails,
		ImageSize size, boolean resultUrlExpired, boolean responseLost, String apiKey) {

	/**
	 * Share of the latency spent {@code pending} before turning {@code processing}.
	 */
	private static final int PENDING_SHARE_DIVISOR = 5;

	Instant finishesAt() {
		return this.createdAt.plus(this.latency);
	}

	TaskState stateAt(Instant now) {
		if (!now.isBefore(finishesAt())) {
			return this.fails ? TaskState.FAILED : TaskState.COMPLETED;
		}
		Duration elapsed = Duration.between(this.createdAt, now);
		return (elapsed.compareTo(this.latency.dividedBy(PENDING_SHARE_DIVISOR)) < 0) ? TaskState.PENDING
				: TaskState.PROCESSING;
	}

	int credits() {
		return this.request.credits();
	}

}
