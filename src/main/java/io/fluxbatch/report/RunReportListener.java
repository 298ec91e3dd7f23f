package io.fluxbatch.report;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.fluxbatch.api.ApiUsage;
import io.fluxbatch.csv.CellCodec;
import io.fluxbatch.rows.RowStatus;
import io.fluxbatch.run.RunParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * Writes the run's reports whenever a run ends, COMPLETED or not, so that a stopped or
 * failed run still shows where every row stands, and adds this command's line to the
 * output folder's spend ledger. Reports that cannot be written fail the run: the same
 * command then writes them.
 */
public class RunReportListener implements JobExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(RunReportListener.class);

	private final RunResults rows;

	private final ApiUsage usage;

	private final boolean byteOrderMark;

	private final Clock clock;

	public RunReportListener(RunResults rows, ApiUsage usage, boolean byteOrderMark, Clock clock) {
		this.rows = rows;
		this.usage = usage;
		this.byteOrderMark = byteOrderMark;
		this.clock = clock;
	}

	@Override
	public void afterJob(JobExecution execution) {
		long instanceId = execution.getJobInstance().getInstanceId();
		String header = this.rows.header(instanceId);
		if (header.isEmpty()) {
			return; // the input was never read: nothing to report on
		}
		Path output = RunParameters.of(execution).output();
		try {
			write(execution, instanceId, CellCodec.decode(header), output);
		}
		catch (RuntimeException failure) {
			// Spring Batch only logs what afterJob throws: the run is failed here
			// instead, so the exit code says the reports are not there.
			String why = "could not write the reports in " + output + " (" + failure.getMessage()
					+ "); run the same command again to write them";
			execution.setStatus(BatchStatus.FAILED);
			execution.setExitStatus(ExitStatus.FAILED.addExitDescription(why));
			log.debug("reports not written", failure);
			execution.addFailureException(new IllegalStateException(why));
		}
	}

	private void write(JobExecution execution, long instanceId, List<String> header, Path output) {
		List<TotalsLine> totals = this.rows.totals(instanceId);
		TotalsLine possibleDuplicates = this.rows.possibleDuplicates(instanceId);
		RunSpend runSoFar = RunSpend.of(totals, possibleDuplicates);
		RunSpend thisCommand = runSoFar.minus(this.rows.spentBefore(instanceId));
		SpendLedger.append(output, this.byteOrderMark,
				new SpendLedger.Entry(Instant.now(this.clock).truncatedTo(ChronoUnit.SECONDS).toString(),
						RunParameters.of(execution).run(), thisCommand.images(), thisCommand.credits(),
						thisCommand.describeByModel(), thisCommand.possibleDuplicates(), thisCommand.possibleCost(),
						this.usage.creditsRemaining()));
		this.rows.recordSpent(instanceId, runSoFar);
		RunReport.writeResults(output, header, this.byteOrderMark, (sink) -> this.rows.forEachRow(instanceId, sink));
		TotalsLine inFolder = SpendLedger.possibleDuplicates(SpendLedger.read(output));
		RunReport.writeTotals(output, this.byteOrderMark, totals, possibleDuplicates,
				new TotalsLine(RunReport.THIS_COMMAND, "", thisCommand.images(), thisCommand.credits()), inFolder,
				this.usage.creditsRemaining());
		RunSummary summary = new RunSummary(resultCounts(instanceId), totals, thisCommand,
				this.rows.rowsAtDuplicateRisk(instanceId), inFolder, this.usage.submits(), this.usage.polls(),
				this.usage.downloadLinks(), this.usage.rateLimited(), this.usage.creditsRemaining(),
				this.usage.quotaRemaining());
		summary.lines().forEach(log::info);
		log.info("results: {}", output.resolve(RunReport.RESULTS));
	}

	private Map<String, Long> resultCounts(long instanceId) {
		Map<String, Long> counts = new TreeMap<>();
		this.rows.countByStatus(instanceId)
			.forEach((status, count) -> counts.merge(RowStatus.valueOf(status).resultStatus(), count, Long::sum));
		return counts;
	}

}
