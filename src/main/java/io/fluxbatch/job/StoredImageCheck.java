package io.fluxbatch.job;

import java.io.IOException;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.fluxbatch.download.FileHashes;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Before images are downloaded, checks the ones an earlier attempt of this run already
 * stored: a file that is missing or no longer matches its sha256 is downloaded again,
 * never generated again. Only a restarted run has such rows, so a first run pays nothing
 * for this.
 */
public class StoredImageCheck implements StepExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(StoredImageCheck.class);

	private final RowTable rows;

	public StoredImageCheck(RowTable rows) {
		this.rows = rows;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		long instanceId = stepExecution.getJobExecution().getJobInstance().getInstanceId();
		Path output = Path.of(stepExecution.getJobParameters().getString(CatalogJobConfiguration.OUTPUT));
		this.rows.forEachDownloaded(instanceId, (rowNo, file, sha256) -> {
			if (!intact(output.resolve(file), sha256)) {
				log.info("row {}: {} is missing or changed; downloading it again", rowNo, file);
				this.rows.downloadAgain(instanceId, rowNo);
			}
		});
	}

	private static boolean intact(Path file, String sha256) {
		try {
			return FileHashes.sha256(file).equals(sha256);
		}
		catch (IOException missing) {
			return false;
		}
	}

}
