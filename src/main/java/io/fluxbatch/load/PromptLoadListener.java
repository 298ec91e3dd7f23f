package io.fluxbatch.load;

import java.util.List;

import io.fluxbatch.csv.CellCodec;
import io.fluxbatch.report.RunResults;
import io.fluxbatch.report.RunSpend;
import io.fluxbatch.run.RunParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Around the load step: keeps the input's header for the reports, and once every row is
 * in the table, rejects rows whose key names a file an earlier row already names (a
 * set-wide rule no single-row processor can see).
 */
public class PromptLoadListener implements StepExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(PromptLoadListener.class);

	private final LoadRows rows;

	private final RunResults results;

	private final List<String> header;

	PromptLoadListener(LoadRows rows, RunResults results, List<String> header) {
		this.rows = rows;
		this.results = results;
		this.header = header;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.rows.saveHeader(instanceId(stepExecution), CellCodec.encode(this.header));
	}

	@Override
	public ExitStatus afterStep(StepExecution stepExecution) {
		if (stepExecution.getStatus().isUnsuccessful()) {
			return null;
		}
		long instanceId = instanceId(stepExecution);
		int duplicates = this.rows.rejectDuplicateKeys(instanceId);
		long skipped = stepExecution.getFilterCount();
		// The skipped count means something only to a prompt template over catalog
		// columns.
		log.info("read {} rows ({} with a key already used by an earlier row{})", stepExecution.getWriteCount(),
				duplicates,
				(skipped > 0) ? ", " + skipped + " skipped: every cell the prompt template uses is empty" : "");
		Long previous = RunParameters.of(stepExecution.getJobExecution()).takesOver();
		if (previous != null) {
			log.info("{} rows took over what the dropped run did for the same image",
					this.rows.takeOver(previous, instanceId));
			// What the dropped run's commands already entered in spend.csv (images it
			// generated, lost answers) is not this run's to enter again.
			this.results.recordSpent(instanceId,
					RunSpend.of(this.results.totals(instanceId), this.results.possibleDuplicates(instanceId)));
		}
		int same = this.rows.markSameImages(instanceId);
		if (same > 0) {
			log.info("{} rows ask for the same image as an earlier row: each image is generated once", same);
		}
		return null;
	}

	private static long instanceId(StepExecution stepExecution) {
		return stepExecution.getJobExecution().getJobInstance().getInstanceId();
	}

}
