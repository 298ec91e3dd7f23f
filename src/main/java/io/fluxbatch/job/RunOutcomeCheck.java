package io.fluxbatch.job;

import java.util.Map;

import io.fluxbatch.report.RunResults;
import io.fluxbatch.rows.RowStatus;
import io.fluxbatch.rows.RowUpdates;
import io.fluxbatch.run.RunStop;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The last step: a run is COMPLETED only when every row is final. When the account ran
 * out it ends STOPPED; when rows are left for other reasons (poll timeout, failed
 * downloads) it fails. Either way the same command continues it.
 */
public class RunOutcomeCheck implements Tasklet {

	private final RunResults results;

	private final RowUpdates rows;

	private final RunStop stop;

	public RunOutcomeCheck(RunResults results, RowUpdates rows, RunStop stop) {
		this.results = results;
		this.rows = rows;
		this.stop = stop;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext context) {
		long instanceId = context.getStepContext()
			.getStepExecution()
			.getJobExecution()
			.getJobInstance()
			.getInstanceId();
		if (this.stop.stopped()) {
			if (this.stop.reason() != null) {
				this.rows.explainWaiting(instanceId, this.stop.reason());
			}
			context.getStepContext().getStepExecution().setTerminateOnly();
			return RepeatStatus.FINISHED;
		}
		long unfinished = unfinished(this.results.countByStatus(instanceId));
		if (unfinished > 0) {
			throw new RowsPendingException(unfinished + " rows are not finished yet (see status PENDING and error in "
					+ "results.csv): run the same command again to continue");
		}
		return RepeatStatus.FINISHED;
	}

	static long unfinished(Map<String, Long> byStatus) {
		return byStatus.entrySet()
			.stream()
			.filter((entry) -> "PENDING".equals(RowStatus.valueOf(entry.getKey()).resultStatus()))
			.mapToLong(Map.Entry::getValue)
			.sum();
	}

	/** Rows were left unfinished for a reason a rerun can fix. */
	public static class RowsPendingException extends RuntimeException {

		RowsPendingException(String message) {
			super(message);
		}

	}

}
