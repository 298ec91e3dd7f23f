package io.fluxbatch.job;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.fluxbatch.api.FluxClient;
import io.fluxbatch.csv.CellCodec;
import io.fluxbatch.csv.CsvRecord;
import io.fluxbatch.csv.SpreadsheetCsvReader;
import io.fluxbatch.download.ImageDownloader;
import io.fluxbatch.download.ImageLibrary;
import io.fluxbatch.download.ImageOrigin;
import io.fluxbatch.prompt.Prompt;
import io.fluxbatch.prompt.ColumnMapping;
import io.fluxbatch.prompt.PromptDefaults;
import io.fluxbatch.prompt.PromptValidator;
import io.fluxbatch.prompt.ValidatedRow;
import io.fluxbatch.prompt.ValidatedRows;
import io.fluxbatch.review.ContactSheet;
import io.fluxbatch.review.ContactSheetListener;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.database.JdbcBatchItemWriter;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.batch.infrastructure.item.database.Order;
import org.springframework.batch.infrastructure.item.database.builder.JdbcBatchItemWriterBuilder;
import org.springframework.batch.infrastructure.item.database.builder.JdbcPagingItemReaderBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The catalog image job: load the CSV into the row table, take what the library already
 * holds, carry every other row from submission to image on disk, give rows asking for the
 * same image that image, and check that every row is final. Each step reads the row table
 * by status, so a restart simply picks up the rows that still need it (see
 * docs/architecture.md).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FluxJobProperties.class)
public class CatalogJobConfiguration {

	public static final String JOB_NAME = "catalogImageJob";

	/** Job parameter: the input CSV's absolute path (identifying). */
	public static final String INPUT = "input";

	/** Job parameter: the output folder's absolute path (identifying). */
	public static final String OUTPUT = "output";

	/**
	 * Job parameter: which run over this input and output folder, counting from 1
	 * (identifying).
	 */
	public static final String RUN = "run";

	/** Job parameter: the input's SHA-256 when the run started (not identifying). */
	public static final String INPUT_SHA256 = "input.sha256";

	/**
	 * Job parameter: the library folder of images already paid for (not identifying).
	 */
	public static final String LIBRARY = "library";

	/**
	 * Job parameter: {@code true} when every row is to be generated, even those the
	 * library holds (not identifying).
	 */
	public static final String REGENERATE = "regenerate";

	/**
	 * Job parameter: the {@link ImageOrigin} of the run's images (not identifying): a run
	 * reuses only library images of its own origin.
	 */
	public static final String ORIGIN = "origin";

	/**
	 * Job parameter: the job instance of the dropped run whose tasks this run takes over
	 * (not identifying), when there is one.
	 */
	public static final String TAKES_OVER = "takes.over";

	private static final int ROWS_CHUNK = 1000;

	private static final String INSTANCE_ID = "#{stepExecution.jobExecution.jobInstance.instanceId}";

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
	Step loadPromptsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			SpreadsheetCsvReader csvRowReader, PromptValidator promptValidator,
			JdbcBatchItemWriter<ValidatedRow> rowInserter, PromptLoadListener promptLoadListener) {
		// A record asking for several images gives a row of the table for each.
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
	Step reuseImagesStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			JdbcPagingItemReader<ReusableRow> reusableRowsReader, LibraryReuse libraryReuse,
			JdbcBatchItemWriter<ReusedImage> reuseRecorder, RowTable rowTable) {
		// Runs again on a restart: an image taken from the library that went missing
		// since is taken again, and rows not submitted yet may have reached the library
		// meanwhile (another output folder sharing it).
		return new StepBuilder("reuseImagesStep", jobRepository).<ReusableRow, ReusedImage>chunk(100)
			.transactionManager(transactionManager)
			.reader(reusableRowsReader)
			.processor(libraryReuse)
			.writer(reuseRecorder)
			.listener(StoredImageCheck.reused(rowTable))
			.allowStartIfComplete(true)
			.build();
	}

	@Bean
	Step generateImagesStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			RowsWithinBudget rowsInFlightReader, RowLifecycle rowLifecycle, ThreadPoolTaskExecutor rowExecutor,
			RowTable rowTable, FluxJobProperties properties) {
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
			.listener(StoredImageCheck.downloaded(rowTable))
			.taskExecutor(rowExecutor)
			.allowStartIfComplete(true)
			.build();
	}

	@Bean
	Step shareImagesStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			RowTable rowTable) {
		return new StepBuilder("shareImagesStep", jobRepository).tasklet(new SharedImages(rowTable), transactionManager)
			.allowStartIfComplete(true)
			.build();
	}

	@Bean
	Step checkRunOutcomeStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			RowTable rowTable, RunStop runStop) {
		return new StepBuilder("checkRunOutcomeStep", jobRepository)
			.tasklet(new RunOutcomeCheck(rowTable, runStop), transactionManager)
			.allowStartIfComplete(true)
			.build();
	}

	// --- load

	@Bean
	@StepScope
	SpreadsheetCsvReader csvRowReader(@Value("#{jobParameters['" + INPUT + "']}") String input,
			FluxJobProperties properties) {
		return new SpreadsheetCsvReader(Path.of(input), properties.csvOptions());
	}

	@Bean
	@StepScope
	PromptValidator promptValidator(@Value("#{jobParameters['" + INPUT + "']}") String input,
			FluxJobProperties properties) {
		return new PromptValidator(ColumnMapping.of(header(input, properties), properties.catalog()),
				new PromptDefaults(properties.model(), properties.resolution(), properties.aspectRatio()));
	}

	@Bean
	@StepScope
	PromptLoadListener promptLoadListener(@Value("#{jobParameters['" + INPUT + "']}") String input, RowTable rowTable,
			FluxJobProperties properties) {
		return new PromptLoadListener(rowTable, header(input, properties));
	}

	@Bean
	@StepScope
	JdbcBatchItemWriter<ValidatedRow> rowInserter(DataSource dataSource, @Value(INSTANCE_ID) long instanceId) {
		return new JdbcBatchItemWriterBuilder<ValidatedRow>().dataSource(dataSource)
			.sql("""
					INSERT INTO FLUX_ROW (JOB_INSTANCE_ID, ROW_NO, DATA_ROW, LINE_NO, CELLS, ROW_KEY, FILE_NAME, FILE_KEY,
					  STATUS, REASON, MODEL, RESOLUTION, ASPECT_RATIO, PROMPT, INPUT_URLS, FINGERPRINT, REGENERATE)
					VALUES (:instanceId, :rowNo, :dataRow, :lineNo, :cells, :rowKey, :fileName, :fileKey,
					  :status, :reason, :model, :resolution, :aspectRatio, :prompt, :inputUrls, :fingerprint, :regenerate)""")
			.itemSqlParameterSourceProvider((row) -> insertParameters(instanceId, row))
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
			.addValue("fileKey", (prompt != null) ? prompt.fileName().toLowerCase(java.util.Locale.ROOT) : null)
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
	 * The input's header, read on its own: the processor needs it before the reader
	 * opens.
	 */
	private static List<String> header(String input, FluxJobProperties properties) {
		SpreadsheetCsvReader reader = new SpreadsheetCsvReader(Path.of(input), properties.csvOptions());
		reader.open(new ExecutionContext());
		try {
			return reader.header();
		}
		finally {
			reader.close();
		}
	}

	// --- reuse

	@Bean
	@StepScope
	JdbcPagingItemReader<ReusableRow> reusableRowsReader(DataSource dataSource, @Value(INSTANCE_ID) long instanceId,
			@Value("#{jobParameters['" + REGENERATE + "']}") String regenerate) throws Exception {
		// A run asked to regenerate everything reads no row here.
		String everyRowRegenerated = Boolean.parseBoolean(regenerate) ? " AND 1 = 0" : "";
		return new JdbcPagingItemReaderBuilder<ReusableRow>().name("reusableRows")
			.dataSource(dataSource)
			.selectClause("SELECT ROW_NO, FINGERPRINT, FILE_NAME")
			.fromClause("FROM FLUX_ROW")
			.whereClause("WHERE JOB_INSTANCE_ID = :instanceId AND STATUS = 'NEW' AND NOT REGENERATE "
					+ "AND FINGERPRINT IS NOT NULL" + everyRowRegenerated)
			.sortKeys(Map.of("ROW_NO", Order.ASCENDING))
			.parameterValues(Map.of("instanceId", instanceId))
			.pageSize(200)
			.saveState(false)
			.rowMapper((rs, n) -> new ReusableRow(instanceId, rs.getInt("ROW_NO"), rs.getString("FINGERPRINT"),
					rs.getString("FILE_NAME")))
			.build();
	}

	@Bean
	@StepScope
	LibraryReuse libraryReuse(@Value("#{jobParameters['" + LIBRARY + "']}") String library,
			@Value("#{jobParameters['" + ORIGIN + "']}") String origin,
			@Value("#{jobParameters['" + OUTPUT + "']}") String output) {
		return new LibraryReuse(new ImageLibrary(Path.of(library), originOf(origin)), Path.of(output));
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

	// --- submit

	@Bean
	@StepScope
	RowsWithinBudget rowsInFlightReader(DataSource dataSource, @Value(INSTANCE_ID) long instanceId,
			CreditBudget creditBudget, RunStop runStop, RowTable rowTable) throws Exception {
		return new RowsWithinBudget(rowsInFlight(dataSource, instanceId), creditBudget, runStop, rowTable);
	}

	private static JdbcPagingItemReader<RowInFlight> rowsInFlight(DataSource dataSource, long instanceId)
			throws Exception {
		return new JdbcPagingItemReaderBuilder<RowInFlight>().name("rowsInFlight")
			.dataSource(dataSource)
			.selectClause("SELECT " + RowInFlight.COLUMNS)
			.fromClause("FROM FLUX_ROW")
			.whereClause("WHERE JOB_INSTANCE_ID = :instanceId AND STATUS IN " + RowInFlight.STATUSES
					+ " AND SAME_AS IS NULL")
			.sortKeys(Map.of("ROW_NO", Order.ASCENDING))
			.parameterValues(Map.of("instanceId", instanceId))
			.pageSize(500)
			.saveState(false)
			.rowMapper((rs, n) -> RowInFlight.of(instanceId, rs))
			.build();
	}

	@Bean
	@StepScope
	RowLifecycle rowLifecycle(TaskSubmitter taskSubmitter, TaskPoller taskPoller, ImageFetcher imageFetcher,
			RowTable rowTable, CreditBudget creditBudget, RunStop runStop, TasksInFlight tasksInFlight,
			@Value("#{jobParameters['" + OUTPUT + "']}") String output, FluxJobProperties properties) {
		return new RowLifecycle(taskSubmitter, taskPoller, imageFetcher, rowTable, creditBudget, runStop, tasksInFlight,
				Path.of(output), properties.submitConcurrency(), properties.download().concurrency());
	}

	@Bean
	CreditBudget creditBudget(FluxJobProperties properties) {
		return new CreditBudget(properties.maxCredits());
	}

	@Bean
	TaskSubmitter taskSubmitter(FluxClient fluxClient, RowTable rowTable, PollSchedule pollSchedule, RunStop runStop,
			Clock clock, CreditBudget creditBudget, TasksInFlight tasksInFlight) {
		return new TaskSubmitter(fluxClient, rowTable, pollSchedule, runStop, clock, creditBudget, tasksInFlight);
	}

	@Bean
	TasksInFlight tasksInFlight() {
		return new TasksInFlight();
	}

	// --- poll

	@Bean
	TaskPoller taskPoller(FluxClient fluxClient, PollSchedule pollSchedule, GenerationTimes generationTimes,
			RunStop runStop, Clock clock, FluxJobProperties properties) {
		return new TaskPoller(fluxClient, pollSchedule, generationTimes, runStop, clock, properties.maxGenerations(),
				properties.poll().timeout(), properties.poll().concurrency());
	}

	// --- download

	@Bean
	@StepScope
	ImageFetcher imageFetcher(ImageDownloader imageDownloader, FluxClient fluxClient, RunStop runStop,
			@Value("#{jobParameters['" + LIBRARY + "']}") String library,
			@Value("#{jobParameters['" + ORIGIN + "']}") String origin) {
		return new ImageFetcher(imageDownloader, fluxClient, runStop,
				new ImageLibrary(Path.of(library), originOf(origin)));
	}

	/** Runs started before origins were recorded talked to the real API. */
	private static String originOf(String parameter) {
		return (parameter != null) ? parameter : ImageOrigin.API;
	}

	// --- shared by the steps

	@Bean
	RowTable rowTable(JdbcClient jdbcClient, PlatformTransactionManager transactionManager, DataSource dataSource) {
		return new RowTable(jdbcClient, transactionManager, new DurableCommits(dataSource));
	}

	@Bean
	RunStop runStop() {
		return new RunStop();
	}

	@Bean
	GenerationTimes generationTimes() {
		return new GenerationTimes();
	}

	@Bean
	PollSchedule pollSchedule(GenerationTimes generationTimes, FluxJobProperties properties) {
		return new PollSchedule(generationTimes, properties.poll());
	}

	@Bean
	RunReportListener runReportListener(RowTable rowTable, FluxClient fluxClient, FluxJobProperties properties,
			Clock clock) {
		return new RunReportListener(rowTable, fluxClient.usage(), properties.outputByteOrderMark(), clock);
	}

	@Bean
	ContactSheetListener contactSheetListener(JdbcClient jdbcClient) {
		return new ContactSheetListener(new ContactSheet(jdbcClient));
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	ThreadPoolTaskExecutor rowExecutor(FluxJobProperties properties) {
		return executor("row-", properties.rowsInFlight());
	}

	private static ThreadPoolTaskExecutor executor(String prefix, int threads) {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setThreadNamePrefix(prefix);
		executor.setCorePoolSize(threads);
		executor.setMaxPoolSize(threads);
		// A step that fails still lets its requests in flight finish and record their
		// answer,
		// before the database closes: a POST whose answer is dropped would look like a
		// possible double charge.
		executor.setWaitForTasksToCompleteOnShutdown(true);
		executor.setAwaitTerminationSeconds(120);
		return executor;
	}

}
