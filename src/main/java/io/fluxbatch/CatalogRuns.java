package io.fluxbatch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.fluxbatch.csv.CsvFileSummary;
import io.fluxbatch.csv.CsvInputException;
import io.fluxbatch.csv.CsvOptions;
import io.fluxbatch.csv.CsvPreflight;
import io.fluxbatch.download.FileHashes;
import io.fluxbatch.job.CatalogJobConfiguration;
import io.fluxbatch.prompt.PromptColumns;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * Starts a run over an input and an output folder, or continues the unfinished one: the
 * same command after a FAILED or STOPPED run (or a killed one) restarts that run, so rows
 * that already have a task are never sent again. Once a run has COMPLETED the command
 * starts a new one, which takes every image the library already holds instead of paying
 * for it again.
 */
@Component
class CatalogRuns {

	private static final Logger log = LoggerFactory.getLogger(CatalogRuns.class);

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final Job catalogImageJob;

	CatalogRuns(JobOperator jobOperator, JobRepository jobRepository, Job catalogImageJob) {
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.catalogImageJob = catalogImageJob;
	}

	/**
	 * Runs the job to its end.
	 * @param library the folder of images already paid for
	 * @param regenerate whether a new run generates every row, even those the library
	 * holds
	 * @throws CsvInputException when the input cannot be used; nothing was started then
	 */
	JobExecution run(Path input, Path output, CsvOptions csvOptions, Path library, boolean regenerate)
			throws Exception {
		Path in = input.toAbsolutePath().normalize();
		Path out = output.toAbsolutePath().normalize();
		CsvFileSummary summary = CsvPreflight.check(in, csvOptions);
		PromptColumns.of(summary.header());
		createFolder(out);
		String inputSha256 = FileHashes.sha256(in);
		for (long run = 1;; run++) {
			JobParameters parameters = parameters(in, out, run, inputSha256, library, regenerate);
			JobInstance instance = this.jobRepository.getJobInstance(CatalogJobConfiguration.JOB_NAME, parameters);
			if (instance == null) {
				// Every completed run's images are in the library: a new run over the
				// same
				// input reuses them all and pays nothing, but still finds a library image
				// that went missing, honours --regenerate, and rewrites the results.
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
				// The database file is locked while its process lives, so a run still
				// marked as running belongs to a process that died.
				log.info("run {} was interrupted (its process is gone): recovering it", run);
				last = this.jobOperator.recover(last);
			}
			log.info("run {} ended {}: continuing it", run, last.getStatus());
			return this.jobOperator.restart(last);
		}
	}

	private static JobParameters parameters(Path input, Path output, long run, String inputSha256, Path library,
			boolean regenerate) {
		// Library and regenerate are not identifying: a restart keeps those its run
		// started with, so rows a person asked to regenerate are not taken from the
		// library by the next night's continuation.
		return new JobParametersBuilder().addString(CatalogJobConfiguration.INPUT, input.toString())
			.addString(CatalogJobConfiguration.OUTPUT, output.toString())
			.addLong(CatalogJobConfiguration.RUN, run)
			.addString(CatalogJobConfiguration.INPUT_SHA256, inputSha256, false)
			.addString(CatalogJobConfiguration.LIBRARY, library.toString(), false)
			.addString(CatalogJobConfiguration.REGENERATE, Boolean.toString(regenerate), false)
			.toJobParameters();
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
