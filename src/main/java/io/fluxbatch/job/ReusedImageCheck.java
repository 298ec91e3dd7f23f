package io.fluxbatch.job;

import java.io.IOException;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.fluxbatch.download.FileHashes;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Before a restarted run looks in the library again, checks the images it already took
 * from there: one that is missing or changed under {@code images/} goes back to the
 * start, to be taken from the library again or, if the library lost it too, generated.
 */
public class ReusedImageCheck implements StepExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(ReusedImageCheck.class);

	private final RowTable rows;

	public ReusedImageCheck(RowTable rows) {
		this.rows = rows;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		long instanceId = stepExecution.getJobExecution().getJobInstance().getInstanceId();
		Path output = Path.of(stepExecution.getJobParameters().getString(CatalogJobConfiguration.OUTPUT));
		this.rows.forEachReused(instanceId, (rowNo, file, sha256) -> {
			if (!intact(output.resolve(file), sha256)) {
				log.info("row {}: {} is missing or changed; looking for it in the library again", rowNo, file);
				this.rows.reuseAgain(instanceId, rowNo);
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
