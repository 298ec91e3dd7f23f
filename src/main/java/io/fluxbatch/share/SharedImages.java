package io.fluxbatch.share;

import java.nio.file.Path;

import io.fluxbatch.library.ImageLibrary;
import io.fluxbatch.library.LibraryImage;
import io.fluxbatch.library.StoredImage;
import io.fluxbatch.rows.RowStatus;
import io.fluxbatch.run.RunParameters;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Gives each row that asks for the same image as an earlier row of the run that row's
 * image, once it is downloaded (linked, or copied), at no cost: one image is paid once
 * per run. When the earlier row failed, so does the row waiting for it, with its reason;
 * while it is not finished, the waiting row stays PENDING and says for which row.
 */
class SharedImages implements Tasklet {

	private final ShareRows rows;

	SharedImages(ShareRows rows) {
		this.rows = rows;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext context) {
		RunParameters run = RunParameters.of(context.getStepContext().getStepExecution().getJobExecution());
		long instanceId = run.instanceId();
		Path output = run.output();
		// Counted like a chunk step's items, so that the step's metadata says how many
		// rows waited for another's image and how many got their outcome.
		for (SharedImage waiting : this.rows.waitingForSameImage(instanceId)) {
			contribution.incrementReadCount();
			if (waiting.sourceStatus() == RowStatus.DOWNLOADED) {
				StoredImage placed = ImageLibrary.place(
						new LibraryImage(output.resolve(waiting.sourceFile()), waiting.fingerprint(), waiting.width(),
								waiting.height(), waiting.bytes(), waiting.sha256()),
						output.resolve(ImageLibrary.IMAGES), waiting.fileName());
				this.rows.shareImage(instanceId, waiting.rowNo(),
						output.relativize(placed.file()).toString().replace('\\', '/'), waiting);
				contribution.incrementWriteCount(1);
			}
			else if (waiting.sourceStatus() == RowStatus.FAILED) {
				this.rows.failShared(instanceId, waiting.rowNo(),
						"row " + waiting.sourceRow() + ", the same image, failed: " + waiting.error());
				contribution.incrementWriteCount(1);
			}
			else {
				this.rows.explainWaiting(instanceId, waiting.rowNo(),
						"waits for row " + waiting.sourceRow() + ", the same image, which is not finished yet");
			}
		}
		return RepeatStatus.FINISHED;
	}

}
