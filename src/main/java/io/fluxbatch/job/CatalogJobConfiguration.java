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
import io.fluxbatch.prompt.PromptColumns;
import io.fluxbatch.prompt.PromptDefaults;
import io.fluxbatch.prompt.PromptValidator;
import io.fluxbatch.prompt.ValidatedRow;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.flow.FlowExecutionStatus;
import org.springframework.batch.core.job.flow.JobExecutionDecider;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
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
 * The catalog image job: load the CSV into the row table, submit, poll, download, and
 * check that every row is final. Each step reads the row table by status, so a restart
 * simply picks up the rows that still need it.
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

	private static final int SUBMIT_CHUNK = 200;

	private static final int DOWNLOAD_CHUNK = 50;

	private static final String INSTANCE_ID = "#{stepExecution.jobExecution.jobInstance.instanceId}";

	@Bean
	Job catalogImageJob(JobRepository jobRepository, Step loadPromptsStep, Step reuseImagesStep, Step submitPromptsStep,
			Step pollTasksStep, Step downloadImagesStep, Step shareImagesStep, Step checkRunOutcomeStep,
			RunStop runStop, RunReportListener runReportListener, GenerationTimes generationTimes, RowTable rowTable,
			CreditBudget creditBudget) {
		// Failed generations come back as NEW rows: submit and poll again until none is
		// left.
		JobExecutionDecider rowsLeftToSubmit = (execution, lastStep) -> new FlowExecutionStatus(
				!runStop.stopped() && rowTable.rowsToSubmit(execution.getJobInstance().getInstanceId()) > 0
						? "SUBMIT_AGAIN" : "ALL_SUBMITTED");
		return new JobBuilder(JOB_NAME, jobRepository).listener(runStop)
			.listener(generationTimes)
			.listener(creditBudget)
			.listener(runReportListener)
			.start(loadPromptsStep)
			.next(reuseImagesStep)
			.next(submitPromptsStep)
			.next(pollTasksStep)
			.next(rowsLeftToSubmit)
			.on("SUBMIT_AGAIN")
			.to(submitPromptsStep)
			.from(rowsLeftToSubmit)
			.on("*")
			.to(downloadImagesStep)
			.next(shareImagesStep)
			.next(checkRunOutcomeStep)
			.end()
			.build();
	}

	@Bean
	Step loadPromptsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			SpreadsheetCsvReader csvRowReader, PromptValidator promptValidator,
			JdbcBatchItemWriter<ValidatedRow> rowInserter, PromptLoadListener promptLoadListener) {
		return new StepBuilder("loadPromptsStep", jobRepository).<CsvRecord, ValidatedRow>chunk(500)
			.transactionManager(transactionManager)
			.reader(csvRowReader)
			.processor(promptValidator)
			.writer(rowInserter)
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
	Step submitPromptsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			RowsWithinBudget rowsToSubmitReader, TaskSubmitter taskSubmitter, ThreadPoolTaskExecutor submitExecutor,
			FluxJobProperties properties) {
		// Each row's state is committed around its own POST, so nothing is left for the
		// chunk to write.
		ItemWriter<RowToSubmit> committedPerRow = (chunk) -> {
		};
		// Nor does the chunk's size matter for safety: it only sets how often every
		// thread waits for the slowest POST of the chunk, which at a saturated rate
		// limit is time lost for good. A page of the reader at a time.
		return new StepBuilder("submitPromptsStep", jobRepository)
			.<RowToSubmit, RowToSubmit>chunk(Math.max(properties.submitConcurrency() * 4, SUBMIT_CHUNK))
			.transactionManager(transactionManager)
			.reader(rowsToSubmitReader)
			.processor(taskSubmitter)
			.writer(committedPerRow)
			.taskExecutor(submitExecutor)
			.allowStartIfComplete(true)
			.build();
	}

	@Bean
	Step pollTasksStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			PendingTaskReader pendingTaskReader, TaskPoller taskPoller, JdbcBatchItemWriter<PollOutcome> pollRecorder,
			ThreadPoolTaskExecutor pollExecutor, CreditBudget creditBudget, FluxJobProperties properties) {
		int concurrency = properties.poll().concurrency();
		// A chunk no larger than the polls in flight keeps answers from waiting on
		// later-due tasks (each item is followed until its task is finished).
		return new StepBuilder(PollDeadline.POLL_STEP, jobRepository).<PendingTask, PollOutcome>chunk(concurrency)
			.transactionManager(transactionManager)
			.reader(pendingTaskReader)
			.processor(taskPoller)
			.writer(pollRecorder)
			.listener(creditBudget)
			.listener((StepExecutionListener) taskPoller)
			.taskExecutor(pollExecutor)
			.allowStartIfComplete(true)
			.build();
	}

	@Bean
	Step downloadImagesStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			JdbcPagingItemReader<GeneratedImage> generatedImagesReader, ImageFetcher imageFetcher,
			JdbcBatchItemWriter<DownloadOutcome> downloadRecorder, ThreadPoolTaskExecutor downloadExecutor,
			RowTable rowTable, FluxJobProperties properties) {
		int concurrency = properties.download().concurrency();
		// Every image is stored under its final name before its row is written, so a
		// larger chunk costs a crash nothing but a few downloads, and saves the threads
		// waiting for each chunk's slowest image.
		return new StepBuilder("downloadImagesStep", jobRepository)
			.<GeneratedImage, DownloadOutcome>chunk(Math.max(concurrency * 2, DOWNLOAD_CHUNK))
			.transactionManager(transactionManager)
			.reader(generatedImagesReader)
			.processor(imageFetcher)
			.writer(downloadRecorder)
			.listener(StoredImageCheck.downloaded(rowTable))
			.taskExecutor(downloadExecutor)
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
		return new PromptValidator(PromptColumns.of(header(input, properties)),
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
					INSERT INTO FLUX_ROW (JOB_INSTANCE_ID, ROW_NO, LINE_NO, CELLS, ROW_KEY, FILE_NAME, FILE_KEY, STATUS,
					  REASON, MODEL, RESOLUTION, ASPECT_RATIO, PROMPT, INPUT_URLS, FINGERPRINT, REGENERATE)
					VALUES (:instanceId, :rowNo, :lineNo, :cells, :rowKey, :fileName, :fileKey, :status,
					  :reason, :model, :resolution, :aspectRatio, :prompt, :inputUrls, :fingerprint, :regenerate)""")
			.itemSqlParameterSourceProvider((row) -> insertParameters(instanceId, row))
			.assertUpdates(true)
			.build();
	}

	private static MapSqlParameterSource insertParameters(long instanceId, ValidatedRow row) {
		Prompt prompt = row.prompt();
		return new MapSqlParameterSource().addValue("instanceId", instanceId)
			.addValue("rowNo", row.record().row())
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
	RowsWithinBudget rowsToSubmitReader(DataSource dataSource, @Value(INSTANCE_ID) long instanceId,
			CreditBudget creditBudget, RunStop runStop, RowTable rowTable) throws Exception {
		return new RowsWithinBudget(rowsToSubmit(dataSource, instanceId), creditBudget, runStop, rowTable);
	}

	private static JdbcPagingItemReader<RowToSubmit> rowsToSubmit(DataSource dataSource, long instanceId)
			throws Exception {
		return new JdbcPagingItemReaderBuilder<RowToSubmit>().name("rowsToSubmit")
			.dataSource(dataSource)
			.selectClause("SELECT ROW_NO, STATUS, MODEL, PROMPT, RESOLUTION, ASPECT_RATIO, INPUT_URLS, "
					+ "SUBMIT_ATTEMPTS, LOST_ANSWERS")
			.fromClause("FROM FLUX_ROW")
			.whereClause("WHERE JOB_INSTANCE_ID = :instanceId AND STATUS IN ('NEW', 'SUBMITTING') AND SAME_AS IS NULL")
			.sortKeys(Map.of("ROW_NO", Order.ASCENDING))
			.parameterValues(Map.of("instanceId", instanceId))
			.pageSize(200)
			.saveState(false)
			.rowMapper((rs, n) -> new RowToSubmit(instanceId, rs.getInt("ROW_NO"), rs.getString("STATUS"),
					rs.getString("MODEL"), rs.getString("PROMPT"), rs.getString("RESOLUTION"),
					rs.getString("ASPECT_RATIO"), rs.getString("INPUT_URLS"), rs.getInt("SUBMIT_ATTEMPTS"),
					rs.getInt("LOST_ANSWERS")))
			.build();
	}

	@Bean
	CreditBudget creditBudget(FluxJobProperties properties) {
		return new CreditBudget(properties.maxCredits());
	}

	@Bean
	TaskSubmitter taskSubmitter(FluxClient fluxClient, RowTable rowTable, PollSchedule pollSchedule, RunStop runStop,
			Clock clock, CreditBudget creditBudget) {
		return new TaskSubmitter(fluxClient, rowTable, pollSchedule, runStop, clock, creditBudget);
	}

	// --- poll

	@Bean
	@StepScope
	PendingTaskReader pendingTaskReader(RowTable rowTable, @Value(INSTANCE_ID) long instanceId,
			@Value("#{stepExecution.jobExecution}") JobExecution jobExecution, FluxJobProperties properties,
			RunStop runStop, Clock clock) {
		return new PendingTaskReader(rowTable, instanceId, PollDeadline.of(jobExecution, properties.poll().timeout()),
				runStop, clock, 200);
	}

	@Bean
	TaskPoller taskPoller(FluxClient fluxClient, PollSchedule pollSchedule, GenerationTimes generationTimes,
			RunStop runStop, Clock clock, FluxJobProperties properties) {
		return new TaskPoller(fluxClient, pollSchedule, generationTimes, runStop, clock, properties.maxGenerations(),
				properties.poll().timeout());
	}

	@Bean
	JdbcBatchItemWriter<PollOutcome> pollRecorder(DataSource dataSource) {
		return new JdbcBatchItemWriterBuilder<PollOutcome>().dataSource(dataSource)
			.sql("""
					UPDATE FLUX_ROW SET STATUS = :status, POLLS = POLLS + :polls, NEXT_POLL_AT = :nextPollAt,
					  GENERATED_AT = :generatedAt, OUTPUT_URL = :outputUrl, WIDTH = :width, HEIGHT = :height,
					  ERROR = :error, FAILED_GENERATIONS = FAILED_GENERATIONS + :failedGeneration
					WHERE JOB_INSTANCE_ID = :instanceId AND ROW_NO = :rowNo""")
			.itemSqlParameterSourceProvider(TimestampParameters::new)
			.build();
	}

	// --- download

	@Bean
	@StepScope
	JdbcPagingItemReader<GeneratedImage> generatedImagesReader(DataSource dataSource,
			@Value(INSTANCE_ID) long instanceId, @Value("#{jobParameters['" + OUTPUT + "']}") String output)
			throws Exception {
		Path outputDir = Path.of(output);
		return new JdbcPagingItemReaderBuilder<GeneratedImage>().name("generatedImages")
			.dataSource(dataSource)
			.selectClause("SELECT ROW_NO, TASK_ID, FILE_NAME, OUTPUT_URL, WIDTH, HEIGHT, FINGERPRINT")
			.fromClause("FROM FLUX_ROW")
			.whereClause("WHERE JOB_INSTANCE_ID = :instanceId AND STATUS = 'GENERATED'")
			.sortKeys(Map.of("ROW_NO", Order.ASCENDING))
			.parameterValues(Map.of("instanceId", instanceId))
			.pageSize(200)
			.saveState(false)
			.rowMapper(
					(rs, n) -> new GeneratedImage(instanceId, rs.getInt("ROW_NO"), rs.getString("TASK_ID"), outputDir,
							rs.getString("FILE_NAME"), rs.getString("OUTPUT_URL"), rs.getObject("WIDTH", Integer.class),
							rs.getObject("HEIGHT", Integer.class), rs.getString("FINGERPRINT")))
			.build();
	}

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

	@Bean
	JdbcBatchItemWriter<DownloadOutcome> downloadRecorder(DataSource dataSource) {
		return new JdbcBatchItemWriterBuilder<DownloadOutcome>().dataSource(dataSource)
			.sql("""
					UPDATE FLUX_ROW SET STATUS = :status, OUTPUT_URL = :outputUrl, FILE_PATH = :filePath,
					  WIDTH = :width, HEIGHT = :height, BYTES = :bytes, SHA256 = :sha256, ERROR = :error
					WHERE JOB_INSTANCE_ID = :instanceId AND ROW_NO = :rowNo""")
			.itemSqlParameterSourceProvider(TimestampParameters::new)
			.build();
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
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	ThreadPoolTaskExecutor submitExecutor(FluxJobProperties properties) {
		return executor("submit-", properties.submitConcurrency());
	}

	@Bean
	ThreadPoolTaskExecutor pollExecutor(FluxJobProperties properties) {
		return executor("poll-", properties.poll().concurrency());
	}

	@Bean
	ThreadPoolTaskExecutor downloadExecutor(FluxJobProperties properties) {
		return executor("download-", properties.download().concurrency());
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
