package io.fluxbatch.generate;

import java.util.Map;

import javax.sql.DataSource;

import io.fluxbatch.download.ImageFetcher;
import io.fluxbatch.poll.TaskPoller;
import io.fluxbatch.reuse.StoredImageCheck;
import io.fluxbatch.rows.RowPages;
import io.fluxbatch.rows.RowUpdates;
import io.fluxbatch.run.CreditBudget;
import io.fluxbatch.run.FluxJobProperties;
import io.fluxbatch.run.RunParameters;
import io.fluxbatch.run.RunStop;
import io.fluxbatch.submit.TaskSubmitter;
import io.fluxbatch.submit.TasksInFlight;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.batch.infrastructure.item.database.PagingQueryProvider;
import org.springframework.batch.infrastructure.item.database.builder.JdbcPagingItemReaderBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The generate step: each row carried from submission through its polls to its image on
 * disk, many rows at once, within the budget.
 */
@Configuration(proxyBeanMethods = false)
class GenerateStepConfiguration {

	private static final int ROWS_CHUNK = 1000;

	@Bean
	Step generateImagesStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			RowsWithinBudget rowsInFlightReader, RowLifecycle rowLifecycle, ThreadPoolTaskExecutor rowExecutor,
			RowUpdates rowUpdates, FluxJobProperties properties) {
		// Each row's state is committed around each of its requests, so nothing is left
		// for the chunk to write; and each item is a row's whole life, so that a task is
		// polled when due and its image fetched at once, whatever the other rows do. The
		// chunk only sets how often every thread waits for the slowest row of the chunk:
		// a page of rows for every thread.
		ItemWriter<RowInFlight> committedPerRow = (chunk) -> {
		};
		return new StepBuilder("generateImagesStep", jobRepository)
			.<RowInFlight, RowInFlight>chunk(Math.max(properties.rowsInFlight() * 4, ROWS_CHUNK))
			.transactionManager(transactionManager)
			.reader(rowsInFlightReader)
			.processor(rowLifecycle)
			.writer(committedPerRow)
			.listener(StoredImageCheck.downloaded(rowUpdates))
			.taskExecutor(rowExecutor)
			.allowStartIfComplete(true)
			.build();
	}

	static PagingQueryProvider rowsInFlightQuery(DataSource dataSource) throws Exception {
		return RowPages.ofSeveralStatuses(dataSource, "SELECT " + RowInFlight.COLUMNS,
				"WHERE JOB_INSTANCE_ID = :instanceId AND STATUS IN " + RowInFlight.STATUSES + " AND SAME_AS IS NULL");
	}

	@Bean
	@StepScope
	RowsWithinBudget rowsInFlightReader(DataSource dataSource, RunParameters run, CreditBudget creditBudget,
			RunStop runStop, RowUpdates rowUpdates) throws Exception {
		JdbcPagingItemReader<RowInFlight> rows = new JdbcPagingItemReaderBuilder<RowInFlight>().name("rowsInFlight")
			.dataSource(dataSource)
			.queryProvider(rowsInFlightQuery(dataSource))
			.parameterValues(Map.of("instanceId", run.instanceId()))
			.pageSize(500)
			.saveState(false)
			.rowMapper((rs, n) -> RowInFlight.of(run.instanceId(), rs))
			.build();
		return new RowsWithinBudget(rows, creditBudget, runStop, new GenerateRows(rowUpdates));
	}

	@Bean
	@StepScope
	RowLifecycle rowLifecycle(TaskSubmitter taskSubmitter, TaskPoller taskPoller, ImageFetcher imageFetcher,
			RowUpdates rowUpdates, CreditBudget creditBudget, RunStop runStop, TasksInFlight tasksInFlight,
			RunParameters run, FluxJobProperties properties) {
		return new RowLifecycle(taskSubmitter, taskPoller, imageFetcher, new GenerateRows(rowUpdates), creditBudget,
				runStop, tasksInFlight, run.output(), properties.submitConcurrency(),
				properties.download().concurrency());
	}

	@Bean
	ThreadPoolTaskExecutor rowExecutor(FluxJobProperties properties) {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setThreadNamePrefix("row-");
		executor.setCorePoolSize(properties.rowsInFlight());
		executor.setMaxPoolSize(properties.rowsInFlight());
		// A step that fails still lets its requests in flight finish and record their
		// answer before the database closes: a POST whose answer is dropped would look
		// like a possible double charge.
		executor.setWaitForTasksToCompleteOnShutdown(true);
		executor.setAwaitTerminationSeconds(120);
		return executor;
	}

}
