package io.fluxbatch;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import io.fluxbatch.api.ApiException;
import io.fluxbatch.report.RunResults;
import io.fluxbatch.rows.RowStatus;
import io.fluxbatch.run.RunParameters;
import io.fluxbatch.run.RunStop;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.context.ApplicationContext;

/**
 * Tells the user, in one line, how a run ended and what to do next, and gives the exit
 * code.
 */
final class RunOutcome {

	private RunOutcome() {
	}

	static int report(JobExecution execution, ApplicationContext context, PrintWriter out, PrintWriter err) {
		BatchStatus status = execution.getStatus();
		Path output = RunParameters.of(execution).output();
		if (status == BatchStatus.COMPLETED && nothingValid(execution, context)) {
			// A night that produces nothing is not a success, whatever the job says.
			RunResults rows = context.getBean(RunResults.class);
			long instanceId = execution.getJobInstance().getInstanceId();
			err.println("flux-batch: every row was rejected, nothing was sent; the most common reason ("
					+ rows.mostCommonRejection(instanceId).orElse("none") + "); see rejects.csv in " + output);
			return ExitCode.USAGE;
		}
		if (status == BatchStatus.COMPLETED) {
			out.println("flux-batch: completed; results in " + output);
		}
		else if (status == BatchStatus.STOPPED || status == BatchStatus.STOPPING) {
			String reason = context.getBean(RunStop.class).reason();
			err.println(
					"flux-batch: stopped: " + ((reason != null) ? reason : "run the same command again to continue"));
		}
		else {
			String cause = execution.getAllFailureExceptions()
				.stream()
				.map(RunOutcome::describe)
				.findFirst()
				.orElse(execution.getExitStatus().getExitDescription());
			err.println("flux-batch: failed: " + cause + " (the same command continues the run)");
		}
		return ExitCode.of(status);
	}

	private static boolean nothingValid(JobExecution execution, ApplicationContext context) {
		Map<String, Long> counts = context.getBean(RunResults.class)
			.countByStatus(execution.getJobInstance().getInstanceId());
		return !counts.isEmpty() && counts.keySet().equals(Set.of(RowStatus.REJECTED.name()));
	}

	/** The API's own words when an API call was the cause, else the innermost message. */
	private static String describe(Throwable failure) {
		Throwable innermost = failure;
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof ApiException api) {
				return api.describe();
			}
			innermost = cause;
		}
		String message = String.valueOf(innermost.getMessage());
		return message.lines().findFirst().orElse(message);
	}

}
