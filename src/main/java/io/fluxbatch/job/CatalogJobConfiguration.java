package io.fluxbatch.job;

import java.time.Clock;

import javax.sql.DataSource;

import io.fluxbatch.api.FluxClient;
import io.fluxbatch.poll.GenerationTimes;
import io.fluxbatch.report.RunReportListener;
import io.fluxbatch.report.RunResults;
import io.fluxbatch.review.ContactSheet;
import io.fluxbatch.review.ContactSheetListener;
import io.fluxbatch.rows.DurableCommits;
import io.fluxbatch.rows.RowUpdates;
import io.fluxbatch.run.CreditBudget;
import io.fluxbatch.run.FluxJobProperties;
import io.fluxbatch.run.RunParameters;
import io.fluxbatch.run.RunStop;
import io.fluxbatch.submit.TasksInFlight;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.context.annotation.ScopedProxyMode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The catalog image job: load the CSV into the row table, take what the library already
 * holds, carry every other row from submission to image on disk, give rows asking for the
 * same image that image, and check that every row is final. Each step reads the row table
 * by status, so a restart simply picks up the rows that still need it; each stage's step
 * is made in its own package (see docs/architecture.md).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FluxJobProperties.class)
public class CatalogJobConfiguration {

	public static final String JOB_NAME = "catalogImageJob";

	@Bean
	Job catalogImageJob(JobRepository jobRepository, Step loadPromptsStep, Step reuseImagesStep,
			Step generateImagesStep, Step shareImagesStep, Step checkRunOutcomeStep, RunStop runStop,
			RunReportListener runReportListener, ContactSheetListener contactSheetListener,
			GenerationTimes generationTimes, CreditBudget creditBudget, TasksInFlight tasksInFlight) {
		return new JobBuilder(JOB_NAME, jobRepository).listener(runStop)
			.listener(tasksInFlight)
			.listener(generationTimes)
			.listener(creditBudget)
			// Listed first so that it ends last: the sheet follows results.csv.
			.listener(contactSheetListener)
			.listener(runReportListener)
			.start(loadPromptsStep)
			.next(reuseImagesStep)
			.next(generateImagesStep)
			.next(shareImagesStep)
			.next(checkRunOutcomeStep)
			.build();
	}

	@Bean
	Step checkRunOutcomeStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			RunResults runResults, RowUpdates rowUpdates, RunStop runStop) {
		return new StepBuilder("checkRunOutcomeStep", jobRepository)
			.tasklet(new RunOutcomeCheck(runResults, rowUpdates, runStop), transactionManager)
			.allowStartIfComplete(true)
			.build();
	}

	/**
	 * The run's parameters, for the step-scoped beans of every stage. Job-scoped without
	 * a proxy: a record cannot be subclassed, and only beans made while the job runs ask
	 * for it.
	 */
	@Bean
	@Scope(scopeName = "job", proxyMode = ScopedProxyMode.NO)
	RunParameters runParameters(@Value("#{jobExecution}") JobExecution jobExecution) {
		return RunParameters.of(jobExecution);
	}

	@Bean
	RowUpdates rowUpdates(JdbcClient jdbcClient, PlatformTransactionManager transactionManager, DataSource dataSource) {
		return new RowUpdates(jdbcClient, transactionManager, new DurableCommits(dataSource));
	}

	@Bean
	RunResults runResults(RowUpdates rowUpdates) {
		return new RunResults(rowUpdates);
	}

	@Bean
	RunStop runStop() {
		return new RunStop();
	}

	@Bean
	CreditBudget creditBudget(FluxJobProperties properties) {
		return new CreditBudget(properties.maxCredits());
	}

	@Bean
	RunReportListener runReportListener(RunResults runResults, FluxClient fluxClient, FluxJobProperties properties,
			Clock clock) {
		return new RunReportListener(runResults, fluxClient.usage(), properties.outputByteOrderMark(), clock);
	}

	@Bean
	ContactSheetListener contactSheetListener(JdbcClient jdbcClient, Clock clock) {
		return new ContactSheetListener(new ContactSheet(jdbcClient, clock));
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
