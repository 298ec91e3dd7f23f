package io.fluxbatch.load;

import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import io.fluxbatch.csv.CellCodec;
import io.fluxbatch.csv.CsvRecord;
import io.fluxbatch.csv.SpreadsheetCsvReader;
import io.fluxbatch.prompt.ColumnMapping;
import io.fluxbatch.prompt.Prompt;
import io.fluxbatch.prompt.PromptDefaults;
import io.fluxbatch.prompt.PromptValidator;
import io.fluxbatch.prompt.ValidatedRow;
import io.fluxbatch.prompt.ValidatedRows;
import io.fluxbatch.report.RunResults;
import io.fluxbatch.rows.RowStatus;
import io.fluxbatch.rows.RowUpdates;
import io.fluxbatch.run.FluxJobProperties;
import io.fluxbatch.run.RunParameters;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.database.JdbcBatchItemWriter;
import org.springframework.batch.infrastructure.item.database.builder.JdbcBatchItemWriterBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.context.annotation.ScopedProxyMode;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The load step: every record of the input validated into a row of the table, a record
 * asking for several images giving a row for each.
 */
@Configuration(proxyBeanMethods = false)
class LoadStepConfiguration {

	@Bean
	Step loadPromptsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			SpreadsheetCsvReader csvRowReader, PromptValidator promptValidator,
			JdbcBatchItemWriter<ValidatedRow> rowInserter, PromptLoadListener promptLoadListener) {
		ItemWriter<ValidatedRows> eachImage = (chunk) -> rowInserter
			.write(new Chunk<>(chunk.getItems().stream().flatMap((made) -> made.rows().stream()).toList()));
		return new StepBuilder("loadPromptsStep", jobRepository).<CsvRecord, ValidatedRows>chunk(500)
			.transactionManager(transactionManager)
			.reader(csvRowReader)
			.processor(promptValidator)
			.writer(eachImage)
			.listener(promptLoadListener)
			.build();
	}

	@Bean
	@StepScope
	SpreadsheetCsvReader csvRowReader(RunParameters run, FluxJobProperties properties) {
		return new SpreadsheetCsvReader(run.input(), properties.csvOptions());
	}

	@Bean
	@StepScope
	PromptValidator promptValidator(InputHeader inputHeader, FluxJobProperties properties) {
		return new PromptValidator(ColumnMapping.of(inputHeader.names(), properties.catalog()),
				new PromptDefaults(properties.model(), properties.resolution(), properties.aspectRatio()));
	}

	@Bean
	@StepScope
	PromptLoadListener promptLoadListener(InputHeader inputHeader, RowUpdates rowUpdates, RunResults runResults) {
		return new PromptLoadListener(new LoadRows(rowUpdates), runResults, inputHeader.names());
	}

	@Bean
	@StepScope
	JdbcBatchItemWriter<ValidatedRow> rowInserter(DataSource dataSource, RunParameters run) {
		return new JdbcBatchItemWriterBuilder<ValidatedRow>().dataSource(dataSource)
			.sql("""
					INSERT INTO FLUX_ROW (JOB_INSTANCE_ID, ROW_NO, DATA_ROW, LINE_NO, CELLS, ROW_KEY, FILE_NAME, FILE_KEY,
					  STATUS, REASON, MODEL, RESOLUTION, ASPECT_RATIO, PROMPT, INPUT_URLS, FINGERPRINT, REGENERATE)
					VALUES (:instanceId, :rowNo, :dataRow, :lineNo, :cells, :rowKey, :fileName, :fileKey,
					  :status, :reason, :model, :resolution, :aspectRatio, :prompt, :inputUrls, :fingerprint, :regenerate)""")
			.itemSqlParameterSourceProvider((row) -> insertParameters(run.instanceId(), row))
			.assertUpdates(true)
			.build();
	}

	private static MapSqlParameterSource insertParameters(long instanceId, ValidatedRow row) {
		Prompt prompt = row.prompt();
		return new MapSqlParameterSource().addValue("instanceId", instanceId)
			.addValue("rowNo", row.rowNo())
			.addValue("dataRow", row.record().row())
			.addValue("lineNo", row.record().line())
			.addValue("cells", CellCodec.encode(row.record().cells()))
			.addValue("rowKey", row.key())
			.addValue("fileName", (prompt != null) ? prompt.fileName() : null)
			.addValue("fileKey", (prompt != null) ? prompt.fileName().toLowerCase(Locale.ROOT) : null)
			.addValue("status", row.rejected() ? RowStatus.REJECTED.name() : RowStatus.NEW.name())
			.addValue("reason", row.rejectReason())
			.addValue("model", (prompt != null) ? prompt.model().apiName() : null)
			.addValue("resolution", (prompt != null) ? prompt.resolution().label() : null)
			.addValue("aspectRatio", (prompt != null) ? prompt.aspectRatio() : null)
			.addValue("prompt", (prompt != null) ? prompt.text() : null)
			.addValue("inputUrls", (prompt != null) ? String.join("\n", prompt.inputUrls()) : null)
			.addValue("fingerprint", (prompt != null) ? prompt.fingerprint() : null)
			.addValue("regenerate", prompt != null && prompt.regenerate());
	}

	/**
	 * The input's header, read on its own and once: the processor needs it before the
	 * reader opens, and the listener names the columns of rejected rows with it.
	 */
	@Bean
	// A record cannot be proxied; only the step's own beans use it, inside the step.
	@Scope(scopeName = "step", proxyMode = ScopedProxyMode.NO)
	InputHeader inputHeader(RunParameters run, FluxJobProperties properties) {
		SpreadsheetCsvReader reader = new SpreadsheetCsvReader(run.input(), properties.csvOptions());
		reader.open(new ExecutionContext());
		try {
			return new InputHeader(reader.header());
		}
		finally {
			reader.close();
		}
	}

	/** The column names of the input's header row. */
	record InputHeader(List<String> names) {
	}

}
