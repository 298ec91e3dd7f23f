package io.fluxbatch.download;

import io.fluxbatch.rows.RowUpdates;

/** The download stage's one update: the image stored, or why not. */
class DownloadRows {

	private final RowUpdates rows;

	DownloadRows(RowUpdates rows) {
		this.rows = rows;
	}

	/**
	 * The image stored (or the reason it is not), committed once the file is in place.
	 */
	void recordDownload(DownloadOutcome outcome) {
		this.rows.update("""
				UPDATE FLUX_ROW SET STATUS = ?, OUTPUT_URL = ?, FILE_PATH = ?, WIDTH = ?, HEIGHT = ?, BYTES = ?,
				  SHA256 = ?, ERROR = ?
				WHERE JOB_INSTANCE_ID = ? AND ROW_NO = ?""", outcome.status(), outcome.outputUrl(), outcome.filePath(),
				outcome.width(), outcome.height(), outcome.bytes(), outcome.sha256(), outcome.error(),
				outcome.instanceId(), outcome.rowNo());
	}

}
