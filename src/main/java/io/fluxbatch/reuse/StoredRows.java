package io.fluxbatch.reuse;

import io.fluxbatch.rows.RowStatus;
import io.fluxbatch.rows.RowUpdates;

/**
 * The images a run has put under {@code images/}, and the updates that send a row whose
 * file went missing back to where it can be had again.
 */
class StoredRows {

	private final RowUpdates rows;

	StoredRows(RowUpdates rows) {
		this.rows = rows;
	}

	/**
	 * Each image the run put under {@code images/}, downloaded or taken from the library:
	 * row, file (relative to the output folder), sha256.
	 */
	void forEachStored(long instanceId, boolean reused, StoredFileConsumer action) {
		this.rows.jdbc()
			.sql("""
					SELECT ROW_NO, FILE_PATH, SHA256 FROM FLUX_ROW
					WHERE JOB_INSTANCE_ID = ? AND STATUS = ? AND (REUSED_FROM IS NOT NULL) = ?
					ORDER BY ROW_NO""")
			.params(instanceId, RowStatus.DOWNLOADED.name(), reused)
			.withFetchSize(500)
			.query((rs) -> {
				action.accept(rs.getInt(1), rs.getString(2), rs.getString(3));
			});
	}

	/** The image is to be fetched again: the task is done and paid for. */
	void downloadAgain(long instanceId, int rowNo) {
		this.rows.update("""
				UPDATE FLUX_ROW SET STATUS = ?, FILE_PATH = NULL, BYTES = NULL, SHA256 = NULL
				WHERE JOB_INSTANCE_ID = ? AND ROW_NO = ?""", RowStatus.GENERATED.name(), instanceId, rowNo);
	}

	/** The image taken from the library is gone: the row starts again. */
	void reuseAgain(long instanceId, int rowNo) {
		this.rows.update("""
				UPDATE FLUX_ROW SET STATUS = ?, FILE_PATH = NULL, WIDTH = NULL, HEIGHT = NULL, BYTES = NULL,
				  SHA256 = NULL, CREDITS = NULL, REUSED_FROM = NULL
				WHERE JOB_INSTANCE_ID = ? AND ROW_NO = ?""", RowStatus.NEW.name(), instanceId, rowNo);
	}

	/** Receives one stored image's row. */
	@FunctionalInterface
	interface StoredFileConsumer {

		void accept(int rowNo, String file, String sha256);

	}

}
