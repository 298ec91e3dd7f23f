package io.fluxbatch.reuse;

import java.util.Map;

import javax.sql.DataSource;

import io.fluxbatch.library.ImageLibrary;
import io.fluxbatch.rows.RowPages;
import io.fluxbatch.rows.RowStatus;
import io.fluxbatch.rows.RowUpdates;
import io.fluxbatch.rows.TimestampParameters;
import io.fluxbatch.run.FluxJobProperties;
import io.fluxbatch.run.RunParameters;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.database.JdbcBatchItemWriter;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.batch.infrastructure.item.database.PagingQueryProvider;
import org.springframework.batch.infrastructure.item.database.builder.JdbcBatchItemWriterBuilder;
import org.springframework.batch.infrastructure.item.database.builder.JdbcPagingItemReaderBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The reuse step: every new row whose image the library already holds takes it, for no
 * credits.
 */
@Configuration(proxyBeanMethods = false)
class ReuseStepConfiguration {

	@Bean
	Step reuseImagesStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			JdbcPagingItemReader<ReusableRow> reusableRowsReader, LibraryReuse libraryReuse,
			JdbcBatchItemWriter<ReusedImage> reuseRecorder, RowUpdates rowUpdates) {
		// Runs again on a restart: an image taken from the library that went missing
		// since is taken again, and rows not submitted yet may have reached the library
		// meanwhile (another output folder sharing it).
		return new StepBuilder("reuseImagesStep", jobRepository).<ReusableRow, ReusedImage>chunk(100)
			.transactionManager(transactionManager)
			.reader(reusableRowsReader)
			.processor(libraryReuse)
			.writer(reuseRecorder)
			.listener(StoredImageCheck.reused(rowUpdates))
			.allowStartIfComplete(true)
			.build();
	}

	static PagingQueryProvider reusableRowsQuery(DataSource dataSource, RunParameters run) throws Exception {
		// A run asked to regenerate everything reads no row here.
		String everyRowRegenerated = run.regenerate() ? " AND 1 = 0" : "";
		return RowPages.ofOneStatus(dataSource, "SELECT ROW_NO, FINGERPRINT, FILE_NAME",
				"WHERE JOB_INSTANCE_ID = :instanceId AND STATUS = :new AND NOT REGENERATE AND FINGERPRINT IS NOT NULL"
						+ everyRowRegenerated);
	}

	@Bean
	@StepScope
	JdbcPagingItemReader<ReusableRow> reusableRowsReader(DataSource dataSource, RunParameters run) throws Exception {
		return new JdbcPagingItemReaderBuilder<ReusableRow>().name("reusableRows")
			.dataSource(dataSource)
			.queryProvider(reusableRowsQuery(dataSource, run))
			.parameterValues(Map.of("instanceId", run.instanceId(), "new", RowStatus.NEW.name()))
			.pageSize(200)
			.saveState(false)
			.rowMapper((rs, n) -> new ReusableRow(run.instanceId(), rs.getInt("ROW_NO"), rs.getString("FINGERPRINT"),
					rs.getString("FILE_NAME")))
			.build();
	}

	@Bean
	@StepScope
	LibraryReuse libraryReuse(RunParameters run, FluxJobProperties properties) {
		return new LibraryReuse(new ImageLibrary(run.library(), run.origin(), properties.verifyLibrary()),
				run.output());
	}

	@Bean
	JdbcBatchItemWriter<ReusedImage> reuseRecorder(DataSource dataSource) {
		return new JdbcBatchItemWriterBuilder<ReusedImage>().dataSource(dataSource)
			.sql("""
					UPDATE FLUX_ROW SET STATUS = 'DOWNLOADED', FILE_PATH = :filePath, WIDTH = :width, HEIGHT = :height,
					  BYTES = :bytes, SHA256 = :sha256, CREDITS = 0, REUSED_FROM = :reusedFrom, ERROR = NULL
					WHERE JOB_INSTANCE_ID = :instanceId AND ROW_NO = :rowNo""")
			.itemSqlParameterSourceProvider(TimestampParameters::new)
			.build();
	}

}
