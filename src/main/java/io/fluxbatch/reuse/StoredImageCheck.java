package io.fluxbatch.reuse;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.BiConsumer;

import io.fluxbatch.library.FileHashes;
import io.fluxbatch.rows.RowUpdates;
import io.fluxbatch.run.RunParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Before a step that puts images under {@code images/}, checks the ones an earlier
 * attempt of this run already put there: a file that is missing or no longer matches its
 * sha256 is sent back to be placed again (downloaded again, or taken from the library
 * again), never generated again. Only a restarted run has such rows, so a first run pays
 * nothing for this.
 */
public final class StoredImageCheck implements StepExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(StoredImageCheck.class);

	private final BiConsumer<Long, StoredRows.StoredFileConsumer> storedFiles;

	private final BiConsumer<Long, Integer> placeAgain;

	private final String how;

	private StoredImageCheck(BiConsumer<Long, StoredRows.StoredFileConsumer> storedFiles,
			BiConsumer<Long, Integer> placeAgain, String how) {
		this.storedFiles = storedFiles;
		this.placeAgain = placeAgain;
		this.how = how;
	}

	/** For the images downloaded from the API. */
	public static StoredImageCheck downloaded(RowUpdates updates) {
		StoredRows rows = new StoredRows(updates);
		return new StoredImageCheck((instanceId, action) -> rows.forEachStored(instanceId, false, action),
				rows::downloadAgain, "downloading it again");
	}

	/** For the images taken from the library. */
	static StoredImageCheck reused(RowUpdates updates) {
		StoredRows rows = new StoredRows(updates);
		return new StoredImageCheck((instanceId, action) -> rows.forEachStored(instanceId, true, action),
				rows::reuseAgain, "looking for it in the library again");
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		RunParameters run = RunParameters.of(stepExecution.getJobExecution());
		long instanceId = run.instanceId();
		Path output = run.output();
		this.storedFiles.accept(instanceId, (rowNo, file, sha256) -> {
			if (!intact(output.resolve(file), sha256)) {
				log.info("row {}: {} is missing or changed; {}", rowNo, file, this.how);
				this.placeAgain.accept(instanceId, rowNo);
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
