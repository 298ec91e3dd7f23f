package io.fluxbatch.share;

import java.util.List;

import io.fluxbatch.rows.RowStatus;
import io.fluxbatch.rows.RowUpdates;

/**
 * The share stage's statements: rows waiting for an earlier row's image, and each given
 * that image or its error.
 */
class ShareRows {

	private final RowUpdates rows;

	ShareRows(RowUpdates rows) {
		this.rows = rows;
	}

	/**
	 * Rows waiting for an earlier row's image, with that row's state: the earlier row's
	 * file, size and hash, or its error.
	 */
	List<SharedImage> waitingForSameImage(long instanceId) {
		return this.rows.jdbc()
			.sql("""
					SELECT r.ROW_NO, r.FILE_NAME, f.ROW_NO, f.STATUS, f.FILE_PATH, f.FINGERPRINT, f.WIDTH, f.HEIGHT,
					  f.BYTES, f.SHA256, COALESCE(f.ERROR, f.REASON)
					FROM FLUX_ROW r JOIN FLUX_ROW f ON f.JOB_INSTANCE_ID = r.JOB_INSTANCE_ID AND f.ROW_NO = r.SAME_AS
					WHERE r.JOB_INSTANCE_ID = ? AND r.STATUS = ? AND r.SAME_AS IS NOT NULL ORDER BY r.ROW_NO""")
			.params(instanceId, RowStatus.NEW.name())
			.query((rs, n) -> new SharedImage(rs.getInt(1), rs.getString(2), rs.getInt(3),
					RowStatus.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6),
					rs.getObject(7, Integer.class), rs.getObject(8, Integer.class), rs.getObject(9, Long.class),
					rs.getString(10), rs.getString(11)))
			.list();
	}

	void shareImage(long instanceId, int rowNo, String filePath, SharedImage image) {
		this.rows.update("""
				UPDATE FLUX_ROW SET STATUS = ?, FILE_PATH = ?, WIDTH = ?, HEIGHT = ?, BYTES = ?, SHA256 = ?,
				  CREDITS = 0, REUSED_FROM = ?, ERROR = NULL
				WHERE JOB_INSTANCE_ID = ? AND ROW_NO = ?""", RowStatus.DOWNLOADED.name(), filePath, image.width(),
				image.height(), image.bytes(), image.sha256(), "row " + image.sourceRow(), instanceId, rowNo);
	}

	void failShared(long instanceId, int rowNo, String error) {
		this.rows.update("UPDATE FLUX_ROW SET STATUS = ?, ERROR = ? WHERE JOB_INSTANCE_ID = ? AND ROW_NO = ?",
				RowStatus.FAILED.name(), error, instanceId, rowNo);
	}

	void explainWaiting(long instanceId, int rowNo, String reason) {
		this.rows.explainWaiting(instanceId, rowNo, reason);
	}

}
