package io.fluxbatch.load;

import java.util.List;

import io.fluxbatch.rows.RowUpdates;

/**
 * The load stage's statements over the whole run, once every row is in the table:
 * duplicate keys, a dropped run's tasks taken over, same images marked, the header kept.
 */
class LoadRows {

	private final RowUpdates rows;

	LoadRows(RowUpdates rows) {
		this.rows = rows;
	}

	/** Rejects every row whose key names the same file as an earlier row's. */
	int rejectDuplicateKeys(long instanceId) {
		return this.rows.update("""
				UPDATE FLUX_ROW r SET STATUS = 'REJECTED', REASON = CASE WHEN r.FILE_KEY = LOWER(r.ROW_KEY)
				    THEN 'key ''' || r.ROW_KEY ELSE 'file name ''' || r.FILE_NAME END || ''' is already used by row '
				  || (SELECT MIN(COALESCE(f.DATA_ROW, f.ROW_NO)) FROM FLUX_ROW f
				      WHERE f.JOB_INSTANCE_ID = r.JOB_INSTANCE_ID AND f.FILE_KEY = r.FILE_KEY)
				WHERE r.JOB_INSTANCE_ID = ? AND r.STATUS = 'NEW' AND EXISTS (SELECT 1 FROM FLUX_ROW f
				  WHERE f.JOB_INSTANCE_ID = r.JOB_INSTANCE_ID AND f.FILE_KEY = r.FILE_KEY AND f.ROW_NO < r.ROW_NO)""",
				instanceId);
	}

	/**
	 * Gives this run's rows what a dropped run over an earlier version of the input did
	 * for the same image (same fingerprint): its task when it has one (SUBMITTING,
	 * SUBMITTED or GENERATED: collected, never sent again), its POSTs and lost answers
	 * (so {@code attempts} and {@code duplicate_risk} stay true). Each of its rows goes
	 * to the first row of this run with that fingerprint not already given one.
	 * @return how many rows took over a task
	 */
	int takeOver(long previousInstanceId, long instanceId) {
		List<Integer> previousRows = this.rows.jdbc().sql("""
				SELECT ROW_NO FROM FLUX_ROW WHERE JOB_INSTANCE_ID = ? AND FINGERPRINT IS NOT NULL
				  AND (STATUS IN ('SUBMITTING', 'SUBMITTED', 'GENERATED') OR SUBMIT_ATTEMPTS > 0 OR LOST_ANSWERS > 0)
				ORDER BY ROW_NO""").param(previousInstanceId).query(Integer.class).list();
		int tasks = 0;
		for (int previousRow : previousRows) {
			tasks += this.rows.update(
					"""
							UPDATE FLUX_ROW r SET (STATUS, TASK_ID, CREDITS, SUBMIT_ATTEMPTS, LOST_ANSWERS, SUBMITTED_AT,
							  NEXT_POLL_AT, POLLS, GENERATED_AT, OUTPUT_URL, WIDTH, HEIGHT, FAILED_GENERATIONS) = (
							  SELECT CASE WHEN p.STATUS IN ('SUBMITTING', 'SUBMITTED', 'GENERATED') THEN p.STATUS ELSE 'NEW' END,
							    CASE WHEN p.STATUS IN ('SUBMITTED', 'GENERATED') THEN p.TASK_ID END,
							    CASE WHEN p.STATUS IN ('SUBMITTED', 'GENERATED') THEN p.CREDITS END,
							    p.SUBMIT_ATTEMPTS, p.LOST_ANSWERS,
							    CASE WHEN p.STATUS IN ('SUBMITTED', 'GENERATED') THEN p.SUBMITTED_AT END,
							    CASE WHEN p.STATUS IN ('SUBMITTED', 'GENERATED') THEN p.NEXT_POLL_AT END,
							    CASE WHEN p.STATUS IN ('SUBMITTED', 'GENERATED') THEN p.POLLS ELSE 0 END,
							    CASE WHEN p.STATUS = 'GENERATED' THEN p.GENERATED_AT END,
							    CASE WHEN p.STATUS = 'GENERATED' THEN p.OUTPUT_URL END,
							    CASE WHEN p.STATUS = 'GENERATED' THEN p.WIDTH END,
							    CASE WHEN p.STATUS = 'GENERATED' THEN p.HEIGHT END,
							    CASE WHEN p.STATUS IN ('SUBMITTED', 'GENERATED') THEN p.FAILED_GENERATIONS ELSE 0 END
							  FROM FLUX_ROW p WHERE p.JOB_INSTANCE_ID = ? AND p.ROW_NO = ?)
							WHERE r.JOB_INSTANCE_ID = ? AND r.ROW_NO = (SELECT MIN(f.ROW_NO) FROM FLUX_ROW f, FLUX_ROW p
							  WHERE f.JOB_INSTANCE_ID = ? AND p.JOB_INSTANCE_ID = ? AND p.ROW_NO = ?
							    AND f.FINGERPRINT = p.FINGERPRINT AND f.STATUS = 'NEW' AND f.SUBMIT_ATTEMPTS = 0
							    AND f.LOST_ANSWERS = 0)""",
					previousInstanceId, previousRow, instanceId, instanceId, previousInstanceId, previousRow);
		}
		return tasks;
	}

	/**
	 * Marks each row whose fingerprint an earlier row of the run has (the same product
	 * listed twice): one image, paid once, is all they need.
	 * @return how many rows wait for an earlier row's image
	 */
	int markSameImages(long instanceId) {
		return this.rows.update("""
				UPDATE FLUX_ROW r SET SAME_AS = (SELECT MIN(f.ROW_NO) FROM FLUX_ROW f
				    WHERE f.JOB_INSTANCE_ID = r.JOB_INSTANCE_ID AND f.FINGERPRINT = r.FINGERPRINT
				      AND f.STATUS <> 'REJECTED')
				WHERE r.JOB_INSTANCE_ID = ? AND r.STATUS = 'NEW' AND r.SUBMIT_ATTEMPTS = 0 AND r.LOST_ANSWERS = 0
				  AND EXISTS (SELECT 1 FROM FLUX_ROW f WHERE f.JOB_INSTANCE_ID = r.JOB_INSTANCE_ID
				    AND f.FINGERPRINT = r.FINGERPRINT AND f.STATUS <> 'REJECTED' AND f.ROW_NO < r.ROW_NO)""",
				instanceId);
	}

	void saveHeader(long instanceId, String packedHeader) {
		// Portable SQL: the job database may be H2 or PostgreSQL.
		if (this.rows.update("UPDATE FLUX_RUN SET HEADER = ? WHERE JOB_INSTANCE_ID = ?", packedHeader,
				instanceId) == 0) {
			this.rows.update("INSERT INTO FLUX_RUN (JOB_INSTANCE_ID, HEADER) VALUES (?, ?)", instanceId, packedHeader);
		}
	}

}
