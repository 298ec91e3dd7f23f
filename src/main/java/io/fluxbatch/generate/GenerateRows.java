package io.fluxbatch.generate;

import io.fluxbatch.rows.RowStatus;
import io.fluxbatch.rows.RowUpdates;

/**
 * The generate stage's reads of a row between its requests, and the note a row held back
 * gets.
 */
class GenerateRows {

	private final RowUpdates rows;

	GenerateRows(RowUpdates rows) {
		this.rows = rows;
	}

	/** The row as it stands now, for its next transition. */
	RowInFlight inFlight(long instanceId, int rowNo) {
		return this.rows.jdbc()
			.sql("SELECT " + RowInFlight.COLUMNS + " FROM FLUX_ROW WHERE JOB_INSTANCE_ID = ? AND ROW_NO = ?")
			.params(instanceId, rowNo)
			.query((rs, n) -> RowInFlight.of(instanceId, rs))
			.single();
	}

	/**
	 * Rows from {@code fromRowNo} on that wait for a submission are not sent by this
	 * command; each says why.
	 */
	void holdBack(long instanceId, int fromRowNo, String reason) {
		this.rows.update("""
				UPDATE FLUX_ROW SET ERROR = ?
				WHERE JOB_INSTANCE_ID = ? AND ROW_NO >= ? AND STATUS IN (?, ?)""", reason, instanceId, fromRowNo,
				RowStatus.NEW.name(), RowStatus.SUBMITTING.name());
	}

	void explainWaiting(long instanceId, int rowNo, String reason) {
		this.rows.explainWaiting(instanceId, rowNo, reason);
	}

}
