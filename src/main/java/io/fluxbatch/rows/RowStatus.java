package io.fluxbatch.rows;

/**
 * The states a row goes through in the row table. {@link #SUBMITTING} is committed before
 * the POST, so a row left in it by a crash shows that a task may exist that the run never
 * heard of. Each arrow is committed on its own, at the moment it happens (see
 * docs/architecture.md):
 *
 * <pre>
 * load ──▶ REJECTED
 * load ──▶ NEW ──▶ DOWNLOADED              (the library, or an earlier row, has the image)
 *          NEW ──▶ SUBMITTING              (before the POST)
 *                  SUBMITTING ──▶ NEW      (no task: 402, quota, 5xx, a lost answer, flagged)
 *                  SUBMITTING ──▶ FAILED   (the API refused the prompt)
 *                  SUBMITTING ──▶ SUBMITTED (the task id, the moment it arrives)
 *                                 SUBMITTED ──▶ NEW    (generation failed, attempts left)
 *                                 SUBMITTED ──▶ FAILED (the last attempt failed, or the task is unknown)
 *                                 SUBMITTED ──▶ GENERATED ──▶ DOWNLOADED (file in place, then committed)
 * on a restart: DOWNLOADED ──▶ GENERATED (file gone or changed), reused DOWNLOADED ──▶ NEW
 * </pre>
 */
public enum RowStatus {

	NEW, REJECTED, SUBMITTING, SUBMITTED, GENERATED, DOWNLOADED, FAILED;

	/** The word results.csv shows for a row in this state. */
	public String resultStatus() {
		return switch (this) {
			case DOWNLOADED -> "COMPLETED";
			case REJECTED -> "REJECTED";
			case FAILED -> "FAILED";
			default -> "PENDING";
		};
	}

}
