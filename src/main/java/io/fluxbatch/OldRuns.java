package io.fluxbatch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.fluxbatch.job.CatalogJobConfiguration;
import io.fluxbatch.run.RunParameters;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A catalog's runs in the job database, and the deletion of its older finished ones, so
 * that the database of a nightly catalog stays the size of a few nights instead of
 * growing by every night's rows forever. The results CSVs and spend.csv in the output
 * folder are the permanent record; what is deleted is only what a run needs while it can
 * still be continued. A run is deleted only once it has COMPLETED or been ABANDONED, and
 * never while a run that is not over takes over its tasks: their rows hold task ids
 * already paid for.
 */
@Component
class OldRuns {

	private final JobRepository jobRepository;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	OldRuns(JobRepository jobRepository, JdbcClient jdbc, PlatformTransactionManager transactionManager) {
		this.jobRepository = jobRepository;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/** A run of the catalog as the job repository last recorded it. */
	record Run(JobInstance instance, RunParameters parameters, BatchStatus status) {

		long number() {
			return this.parameters.run();
		}

		boolean finished() {
			return this.status == BatchStatus.COMPLETED || this.status == BatchStatus.ABANDONED;
		}

	}

	/**
	 * The runs kept of the catalog whose output folder is {@code output}, newest first.
	 */
	List<Run> of(Path output) {
		List<Run> runs = new ArrayList<>();
		for (JobInstance instance : this.jobRepository.findJobInstances(CatalogJobConfiguration.JOB_NAME)) {
			JobExecution last = this.jobRepository.getLastJobExecution(instance);
			if (last != null) {
				RunParameters parameters = RunParameters.of(last);
				if (output.equals(parameters.output())) {
					runs.add(new Run(instance, parameters, last.getStatus()));
				}
			}
		}
		runs.sort(Comparator.comparingLong(Run::number).reversed());
		return runs;
	}

	/**
	 * Deletes the catalog's finished runs older than its newest {@code keep}.
	 * @return the numbers of the runs deleted, oldest first
	 */
	List<Long> prune(Path output, int keep) {
		List<Run> runs = of(output);
		Map<Long, Run> byInstance = runs.stream()
			.collect(Collectors.toMap((run) -> run.instance().getInstanceId(), Function.identity()));
		Set<Long> takenOver = new HashSet<>();
		for (Run run : runs) {
			if (run.finished()) {
				continue;
			}
			// A run not over may still collect the tasks of the run it takes over, and of
			// the runs that one took over.
			Long over = run.parameters().takesOver();
			while (over != null && takenOver.add(over)) {
				Run taken = byInstance.get(over);
				over = (taken != null) ? taken.parameters().takesOver() : null;
			}
		}
		List<Long> deleted = new ArrayList<>();
		for (Run run : runs.subList(Math.min(keep, runs.size()), runs.size())) {
			if (run.finished() && !takenOver.contains(run.instance().getInstanceId())) {
				delete(run, output);
				deleted.add(0, run.number());
			}
		}
		return deleted;
	}

	private void delete(Run run, Path output) {
		long instanceId = run.instance().getInstanceId();
		this.transactions.executeWithoutResult((transaction) -> {
			this.jdbc.sql("DELETE FROM FLUX_ROW WHERE JOB_INSTANCE_ID = ?").param(instanceId).update();
			this.jdbc.sql("DELETE FROM FLUX_RUN WHERE JOB_INSTANCE_ID = ?").param(instanceId).update();
			this.jdbc.sql("DELETE FROM FLUX_COMMAND WHERE OUTPUT = ? AND RUN_NO = ?")
				.params(output.toString(), run.number())
				.update();
			this.jobRepository.deleteJobInstance(run.instance());
		});
	}

}
