package io.fluxbatch.job;

import java.nio.file.Files;
import java.util.List;
import java.util.UUID;

import io.fluxbatch.StageStepTest;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job as {@link CatalogJobConfiguration} draws it: its steps in order, each counting
 * what it did, and {@link RunOutcomeCheck} ending the run once every row is final.
 */
class CatalogJobStepsTest extends StageStepTest {

	@Test
	void theStepsRunInTheFlowsOrderAndEachCountsItsOwnRows() throws Exception {
		String token = UUID.randomUUID().toString();
		this.jobs.setJob(this.context.getBean(CatalogJobConfiguration.JOB_NAME, Job.class));
		JobExecution run = this.jobs.startJob(firstRun(sheet("in.csv", "id,prompt", "a,A red chair " + token,
				"b,A red chair " + token, "c,A lamp " + token, "d,")));

		assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		List<StepExecution> steps = List.copyOf(run.getStepExecutions());
		assertThat(steps).extracting(StepExecution::getStepName)
			.containsExactly("loadPromptsStep", "reuseImagesStep", "generateImagesStep", "shareImagesStep",
					"checkRunOutcomeStep");
		assertThat(steps).extracting(StepExecution::getReadCount).containsExactly(4L, 3L, 2L, 1L, 0L);
		assertThat(steps).extracting(StepExecution::getWriteCount).containsExactly(4L, 0L, 2L, 1L, 0L);
		assertThat(steps).extracting(StepExecution::getFilterCount).containsExactly(0L, 3L, 0L, 0L, 0L);
		assertThat(Files.readAllLines(output().resolve("results.csv"))).hasSize(5);
	}

}
