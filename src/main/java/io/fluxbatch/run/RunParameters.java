package io.fluxbatch.run;

import java.nio.file.Path;

import io.fluxbatch.library.ImageOrigin;
import org.jspecify.annotations.Nullable;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * What one run of the catalog job is about, as its job parameters carry it: the one place
 * that names them. Input, output and run number identify the run (a restart has the
 * same); the others are kept as the run started, so that a continuation does what its run
 * was asked to do.
 *
 * @param instanceId the run's job instance, the key of its rows in the row table
 * @param input the input file's absolute path
 * @param output the output folder's absolute path
 * @param run which run over this input and output folder, counting from 1
 * @param inputSha256 the input's SHA-256 when the run started
 * @param library the folder of images already paid for
 * @param regenerate every row is to be generated, even those the library holds
 * @param origin the origin of the run's images: a run reuses only library images of its
 * own ({@link ImageOrigin})
 * @param takesOver the job instance of a dropped run whose tasks this run takes over
 */
public record RunParameters(long instanceId, Path input, Path output, long run, @Nullable String inputSha256,
		@Nullable Path library, boolean regenerate, String origin, @Nullable Long takesOver) {

	static final String INPUT = "input";

	static final String OUTPUT = "output";

	static final String RUN = "run";

	static final String INPUT_SHA256 = "input.sha256";

	static final String LIBRARY = "library";

	static final String REGENERATE = "regenerate";

	static final String ORIGIN = "origin";

	static final String TAKES_OVER = "takes.over";

	/** The parameters of a run that has started. */
	public static RunParameters of(JobExecution execution) {
		JobParameters parameters = execution.getJobParameters();
		// A run of an older release may lack the parameters added since.
		String library = parameters.getString(LIBRARY);
		return new RunParameters(execution.getJobInstance().getInstanceId(), Path.of(parameters.getString(INPUT)),
				Path.of(parameters.getString(OUTPUT)), parameters.getLong(RUN, 0L), parameters.getString(INPUT_SHA256),
				(library != null) ? Path.of(library) : null, Boolean.parseBoolean(parameters.getString(REGENERATE)),
				// Runs started before origins were recorded talked to the real API.
				parameters.getString(ORIGIN, ImageOrigin.API), parameters.getLong(TAKES_OVER));
	}

	/**
	 * The job parameters of a new run; the instance id is the job repository's to give.
	 */
	public static JobParameters forNewRun(Path input, Path output, long run, String inputSha256, Path library,
			boolean regenerate, String origin, @Nullable Long takesOver) {
		// Library and regenerate are not identifying: a restart keeps those its run
		// started with, so rows a person asked to regenerate are not taken from the
		// library by the next night's continuation.
		JobParametersBuilder parameters = new JobParametersBuilder().addString(INPUT, input.toString())
			.addString(OUTPUT, output.toString())
			.addLong(RUN, run)
			.addString(INPUT_SHA256, inputSha256, false)
			.addString(LIBRARY, library.toString(), false)
			.addString(REGENERATE, Boolean.toString(regenerate), false)
			.addString(ORIGIN, origin, false);
		if (takesOver != null) {
			parameters.addLong(TAKES_OVER, takesOver, false);
		}
		return parameters.toJobParameters();
	}

}
