package io.fluxbatch.job;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/**
 * When this run stops polling: the poll timeout after its first poll step began. The poll
 * step runs again while tasks are unfinished, so the timeout bounds all its runs
 * together, read from the job execution's own step records.
 */
final class PollDeadline {

	static final String POLL_STEP = "pollTasksStep";

	private PollDeadline() {
	}

	static Instant of(JobExecution execution, Duration timeout) {
		return execution.getStepExecutions()
			.stream()
			.filter((step) -> step.getStepName().equals(POLL_STEP) && step.getStartTime() != null)
			.map(StepExecution::getStartTime)
			.min(Comparator.naturalOrder())
			.map((start) -> start.atZone(ZoneId.systemDefault()).toInstant().plus(timeout))
			.orElse(Instant.MAX);
	}

}
