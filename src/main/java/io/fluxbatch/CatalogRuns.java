package io.fluxbatch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import io.fluxbatch.csv.CsvFileSummary;
import io.fluxbatch.csv.CsvOptions;
import io.fluxbatch.csv.CsvPreflight;
import io.fluxbatch.job.CatalogJobConfiguration;
import io.fluxbatch.library.FileHashes;
import io.fluxbatch.prompt.CatalogSettings;
import io.fluxbatch.prompt.ColumnMapping;
import io.fluxbatch.report.RunReport;
import io.fluxbatch.report.SpendLedger;
import io.fluxbatch.run.FluxJobProperties;
import io.fluxbatch.run.RunParameters;
import io.fluxbatch.run.RunStop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * Starts a run over an input and an output folder, or continues the unfinished one: the
 * same command after a FAILED or STOPPED run (or a killed one) restarts that run, so rows
 * that already have a task are never sent again. Once a run has COMPLETED the command
 * starts a new one, which takes every image the library already holds instead of paying
 * for it again. An unfinished run over an input that changed since it started is not
 * continued: its paid tasks are collected, and a new run over the current file takes over
 * its tasks and reuses its images; one whose images came from another origin (the
 * simulator, or the real API) is dropped. One command at a time runs a catalog: it holds
 * the output folder's {@link RunLease} while it runs.
 */
@Component
class CatalogRuns {

	private static final Logger log = LoggerFactory.getLogger(CatalogRuns.class);

	private static final Set<String> REPORTS = Set.of(RunReport.RESULTS, RunReport.REJECTS, RunReport.TOTALS,
			SpendLedger.FILE);

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final Job catalogImageJob;

	private final RunStop runStop;

	private final CatalogSettings catalog;

	private final RunLease lease;

	private final OldRuns oldRuns;

	private final int keepRuns;

	CatalogRuns(JobOperator jobOperator, JobRepository jobRepository, Job catalogImageJob, RunStop runStop,
			FluxJobProperties properties, RunLease lease, OldRuns oldRuns) {
		this.catalog = properties.catalog();
		this.keepRuns = properties.keepRuns();
		this.oldRuns = oldRuns;
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.catalogImageJob = catalogImageJob;
		this.runStop = runStop;
		this.lease = lease;
	}

	/**
	 * Runs the job to its end.
	 * @param library the folder of images already paid for
	 * @param regenerate whether a new run generates every row, even those the library
	 * holds
	 * @param origin where images come from ({@link ImageOrigin}): a run never continues
	 * one of another origin
	 * @param startOver whether an unfinished run is dropped instead of continued
	 * @throws CsvInputException when the input cannot be used; nothing was started then
	 */
	JobExecution run(Path input, Path output, CsvOptions csvOptions, Path library, boolean regenerate, String origin,
			boolean startOver) throws Exception {
		Path in = input.toAbsolutePath().normalize();
		Path out = output.toAbsolutePath().normalize();
		refuseAnotherInput(in, out);
		CsvFileSummary summary = CsvPreflight.check(in, csvOptions);
		ColumnMapping.of(summary.header(), this.catalog);
		createFolder(out);
		String inputSha256 = FileHashes.sha256(in);
		// One command at a time runs a catalog, wherever the commands run: the output
		// folder's lease says which.
		try (RunLease.Held held = this.lease.acquire(out.toString(), this.runStop::requestStop)) {
			JobExecution execution = runHolding(in, out, summary, inputSha256, library, regenerate, origin, startOver);
			List<Long> pruned = this.oldRuns.prune(out, this.keepRuns);
			if (!pruned.isEmpty()) {
				log.info("the job database keeps the newest {} runs of {} (flux.job.keep-runs): run{} {} deleted",
						this.keepRuns, out, (pruned.size() == 1) ? "" : "s", pruned);
			}
			return execution;
		}
	}

	/**
	 * A job file's relative library, read from another working directory, is another
	 * folder: the night would pay again for every image without a word.
	 */
	private static void warnOfAnotherLibrary(List<OldRuns.Run> kept, Path library) {
		Path before = kept.isEmpty() ? null : kept.get(0).parameters().library();
		if (before == null || library == null) {
			return;
		}
		Path now = library.toAbsolutePath().normalize();
		Path then = before.toAbsolutePath().normalize();
		if (!then.equals(now) && Files.isDirectory(then)) {
			log.warn("the library is {}, but the last run into this output folder used {}: its images are not "
					+ "reused (relative paths are read from the working directory); give --library {} to reuse them",
					now, then, then);
		}
	}

	private JobExecution runHolding(Path in, Path out, CsvFileSummary summary, String inputSha256, Path library,
			boolean regenerate, String origin, boolean startOver) throws Exception {
		Long previous = null;
		// Runs older than those kept were finished, and are deleted: the oldest kept one
		// is where an unfinished run may be.
		List<OldRuns.Run> kept = this.oldRuns.of(out);
		warnOfAnotherLibrary(kept, library);
		long first = kept.isEmpty() ? 1 : kept.get(kept.size() - 1).number();
		long newest = kept.isEmpty() ? 0 : kept.get(0).number();
		for (long run = first;; run++) {
			JobParameters parameters = RunParameters.forNewRun(in, out, run, inputSha256, library, regenerate, origin,
					previous);
			JobInstance instance = this.jobRepository.getJobInstance(CatalogJobConfiguration.JOB_NAME, parameters);
			if (instance == null && run < newest) {
				// A deleted run between kept ones: its number is never used again.
				continue;
			}
			if (instance == null) {
				// Every completed run's images are in the library: a new run over the
				// same input reuses them all and pays nothing, but still finds a library
				// image that went missing, honours --regenerate, and rewrites the
				// results.
				log.info("run {}: {} rows from {} ({}) into {}, library {}", run, summary.dataRows(), in,
						summary.format().describe(), out, library);
				return this.jobOperator.start(this.catalogImageJob, parameters);
			}
			JobExecution last = this.jobRepository.getLastJobExecution(instance);
			if (last == null || last.getStatus() == BatchStatus.COMPLETED
					|| last.getStatus() == BatchStatus.ABANDONED) {
				continue;
			}
			if (last.getStatus().isRunning()) {
				// This command holds the catalog's lease, so a run still marked as
				// running belongs to a command that died.
				log.info("run {} was interrupted (its process is gone): recovering it", run);
				last = this.jobOperator.recover(last);
			}
			RunParameters started = RunParameters.of(last);
			String startedOrigin = started.origin();
			if (!startedOrigin.equals(origin)) {
				// Its tasks belong to another API (a simulator that is gone, or the real
				// one): nothing of it can be collected here, nor any of its images used.
				log.info("run {} made {} images and this one makes {} images: it is dropped, and a new run starts", run,
						startedOrigin, origin);
				abandon(last);
				continue;
			}
			if (startOver) {
				log.info("run {} ended {}: dropped (--start-over); a new run starts, taking over its tasks", run,
						last.getStatus());
				abandon(last);
				previous = instance.getInstanceId();
				continue;
			}
			if (!inputSha256.equals(started.inputSha256())) {
				// Tonight's sheet wins: the old rows are not continued. What the old run
				// already paid for is collected first (polled and downloaded into the
				// library, nothing submitted), then a run over the current file reuses
				// it.
				log.info("run {} ended {} but {} changed since it started: collecting what it already paid for, then "
						+ "starting a new run over the current file", run, last.getStatus(), in);
				this.runStop.collectOnly("the input changed since run " + run + " started: its paid tasks are "
						+ "collected and a new run over the current file follows");
				abandon(this.jobOperator.restart(last));
				previous = instance.getInstanceId();
				continue;
			}
			log.info("run {} ended {}: continuing it", run, last.getStatus());
			return this.jobOperator.restart(last);
		}
	}

	/**
	 * An output folder belongs to one input: another input's rows would overwrite its
	 * images and results (keys default to row numbers), and a report fed back as it is
	 * would be overwritten while it is read.
	 */
	private void refuseAnotherInput(Path input, Path output) {
		if (input.getParent() != null && input.getParent().equals(output)
				&& REPORTS.contains(input.getFileName().toString())) {
			throw new UsageException(input + " is a file the run writes into " + output
					+ ": copy it out of the output folder and run over the copy, or give it its own --output");
		}
		for (OldRuns.Run run : this.oldRuns.of(output)) {
			Path other = run.parameters().input();
			if (!input.equals(other)) {
				throw new UsageException("the output folder " + output + " holds the results of another input, " + other
						+ ": give " + input + " its own --output (or empty the folder to reuse it)");
			}
		}
	}

	/**
	 * An abandoned run is never continued; its rows stay in the table to be taken over.
	 */
	private void abandon(JobExecution execution) {
		execution.setStatus(BatchStatus.ABANDONED);
		this.jobRepository.update(execution);
	}

	private static void createFolder(Path output) {
		try {
			Files.createDirectories(output);
		}
		catch (IOException failure) {
			throw new UsageException("cannot create the output folder " + output + ": " + failure.getMessage());
		}
		checkWritable(output);
	}

	/**
	 * Before anything is paid: an image that cannot be stored, or results that cannot be
	 * written, would be paid for and lost. A few kilobytes also find a full disk.
	 */
	private static void checkWritable(Path output) {
		Path probe = null;
		try {
			probe = Files.createTempFile(output, ".write-check", ".tmp");
			Files.write(probe, new byte[4096]);
		}
		catch (IOException | SecurityException failure) {
			throw new UsageException("cannot write to the output folder " + output + " ("
					+ ((failure instanceof java.nio.file.AccessDeniedException) ? "permission denied"
							: failure.getMessage())
					+ "); nothing was submitted: make it writable or free some space, then run again");
		}
		finally {
			if (probe != null) {
				try {
					Files.deleteIfExists(probe);
				}
				catch (IOException ignored) {
					// A leftover probe file is harmless and hidden.
				}
			}
		}
	}

}
