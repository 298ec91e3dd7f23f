package io.fluxbatch.job;

import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.fluxbatch.api.ApiUsage;
import io.fluxbatch.csv.CellCodec;
import io.fluxbatch.report.RunReport;
import io.fluxbatch.report.RunSummary;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * Writes the run's reports whenever a run ends, COMPLETED or not, so that a stopped or
 * failed run still shows where every row stands.
 */
public class RunReportListener implements JobExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(RunReportListener.class);

	private final RowTable rows;

	private final ApiUsage usage;

	private final boolean byteOrderMark;

	public RunReportListener(RowTable rows, ApiUsage usage, boolean byteOrderMark) {
		this.rows = rows;
		this.usage = usage;
		this.byteOrderMark = byteOrderMark;
	}

	@Override
	public void afterJob(JobExecution execution) {
		long instanceId = execution.getJobInstance().getInstanceId();
		String header = this.rows.header(instanceId);
		if (header.isEmpty()) {
			return; // the input was never read: nothing to report on
		}
		Path output = Path.of(execution.getJobParameters().getString(CatalogJobConfiguration.OUTPUT));
		RunReport.writeResults(output, CellCodec.decode(header), this.byteOrderMark,
				(sink) -> this.rows.forEachRow(instanceId, sink));
		var totals = this.rows.totals(instanceId);
		RunReport.writeTotals(output, this.byteOrderMark, totals, this.rows.possibleDuplicates(instanceId),
				this.usage.creditsRemaining());
		RunSummary summary = new RunSummary(resultCounts(instanceId), totals, this.rows.rowsAtDuplicateRisk(instanceId),
				this.usage.submits(), this.usage.polls(), this.usage.downloadLinks(), this.usage.rateLimited(),
				this.usage.creditsRemaining(), this.usage.quotaRemaining());
		summary.lines().forEach(log::info);
		log.info("results: {}", output.resolve(RunReport.RESULTS));
	}

	private java.util.Map<String, Long> resultCounts(long instanceId) {
		java.util.Map<String, Long> counts = new java.util.TreeMap<>();
		this.rows.countByStatus(instanceId)
			.forEach((status, count) -> counts.merge(RowStatus.valueOf(status).resultStatus(), count, Long::sum));
		return counts;
	}

}
