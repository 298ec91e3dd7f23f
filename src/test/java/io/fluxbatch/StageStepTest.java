package io.fluxbatch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import io.fluxbatch.api.ApiKey;
import io.fluxbatch.library.FileHashes;
import io.fluxbatch.library.ImageOrigin;
import io.fluxbatch.poll.GenerationTimes;
import io.fluxbatch.run.CreditBudget;
import io.fluxbatch.run.FluxJobProperties;
import io.fluxbatch.run.RunParameters;
import io.fluxbatch.run.RunStop;
import io.fluxbatch.simulator.FluxSimulator;
import io.fluxbatch.simulator.ReceivedGeneration;
import io.fluxbatch.simulator.SimulatorSettings;
import io.fluxbatch.submit.TasksInFlight;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.builder.SimpleJobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a stage's step test stands on: the application's own context against a simulator
 * in this JVM, with a job database of its own, and the stage's step run over a sheet
 * written for the test, after the steps before it (the row table is what passes a row
 * from one stage to the next). Every subclass shares one context, so the suite starts it
 * once; each test's sheet is a catalog of its own, so each test is a new run.
 */
@SpringBootTest(classes = { FluxBatchApplication.class, StageStepTest.SimulatedKey.class },
		properties = { "flux.job.poll.first-poll-after=200ms", "flux.api.requests-per-second=100" })
@SpringBatchTest
public abstract class StageStepTest {

	private static final Path DATABASE = temporaryFolder();

	// Lives as long as the context cache that holds the contexts pointed at it.
	private static final FluxSimulator SIMULATOR = FluxSimulator.start(SimulatorSettings.defaults()
		.withLatency(Duration.ofMillis(200), Duration.ofMillis(200))
		.withTinyImages(true)
		.withRequestsPerSecond(100));

	/** The steps of the catalog job, in its order. */
	private static final String[] STEPS = { "loadPromptsStep", "reuseImagesStep", "generateImagesStep",
			"shareImagesStep", "checkRunOutcomeStep" };

	@TempDir
	protected Path dir;

	@Autowired
	protected ApplicationContext context;

	@Autowired
	protected JobRepository jobRepository;

	@Autowired
	protected JobOperatorTestUtils jobs;

	@Autowired
	protected JdbcClient jdbc;

	@DynamicPropertySource
	static void simulatorAndDatabase(DynamicPropertyRegistry registry) {
		registry.add("flux.db", DATABASE::toString);
		registry.add("flux.api.base-url", SIMULATOR::baseUrl);
	}

	protected static FluxSimulator simulator() {
		return SIMULATOR;
	}

	/** The generations the simulator received whose prompt holds {@code token}. */
	protected static List<ReceivedGeneration> generationsWith(String token) {
		return SIMULATOR.generations().stream().filter((sent) -> sent.prompt().contains(token)).toList();
	}

	/** One column of every row of the run, in row order. */
	protected List<String> rowColumn(long instanceId, String column) {
		return this.jdbc.sql("SELECT " + column + " FROM FLUX_ROW WHERE JOB_INSTANCE_ID = ? ORDER BY ROW_NO")
			.param(instanceId)
			.query(String.class)
			.list();
	}

	/** A sheet in the test's folder, one line for each of {@code lines}. */
	protected Path sheet(String name, String... lines) {
		try {
			return Files.writeString(this.dir.resolve(name), String.join("\n", lines) + "\n");
		}
		catch (IOException failure) {
			throw new UncheckedIOException(failure);
		}
	}

	/** The parameters of the first run of {@code input} into the test's output folder. */
	protected JobParameters firstRun(Path input) throws IOException {
		return run(input, 1);
	}

	/**
	 * The parameters of the {@code run}th run of {@code input} into the test's output
	 * folder.
	 */
	protected JobParameters run(Path input, long run) throws IOException {
		return RunParameters.forNewRun(input.toAbsolutePath(), output(), run, FileHashes.sha256(input),
				this.context.getBean(FluxJobProperties.class).library(output()), false, ImageOrigin.API, null);
	}

	/** The test's output folder. */
	protected Path output() {
		return this.dir.resolve("out").toAbsolutePath();
	}

	/**
	 * Runs the catalog job's steps up to and including {@code stage} as one job, with the
	 * job listeners the steps count on.
	 */
	protected StageRun runThrough(String stage, JobParameters parameters) throws Exception {
		int last = Arrays.asList(STEPS).indexOf(stage);
		assertThat(last).as("a step of the catalog job").isNotNegative();
		SimpleJobBuilder job = new JobBuilder("stagesThrough-" + stage, this.jobRepository)
			.listener(this.context.getBean(RunStop.class))
			.listener(this.context.getBean(TasksInFlight.class))
			.listener(this.context.getBean(GenerationTimes.class))
			.listener(this.context.getBean(CreditBudget.class))
			.start(step(STEPS[0]));
		for (int i = 1; i <= last; i++) {
			job.next(step(STEPS[i]));
		}
		this.jobs.setJob(job.build());
		JobExecution execution = this.jobs.startJob(parameters);
		StepExecution step = execution.getStepExecutions()
			.stream()
			.filter((candidate) -> candidate.getStepName().equals(stage))
			.findFirst()
			.orElseThrow(() -> new AssertionError(stage + " did not run: " + execution.getExitStatus()));
		long instanceId = execution.getJobInstance().getInstanceId();
		Map<String, Integer> statuses = new TreeMap<>();
		this.jdbc.sql("SELECT STATUS, COUNT(*) FROM FLUX_ROW WHERE JOB_INSTANCE_ID = ? GROUP BY STATUS")
			.param(instanceId)
			.query((rs, n) -> statuses.put(rs.getString(1), rs.getInt(2)))
			.list();
		return new StageRun(step, instanceId, statuses);
	}

	/**
	 * A stage's step as it ended, with its run's rows: a record, not a bare step
	 * execution, because Spring Batch's test listener takes any method of the test that
	 * returns one for the step scope's factory.
	 *
	 * @param step the stage's step execution
	 * @param instanceId the run's job instance
	 * @param statuses how many rows of the run have each status
	 */
	protected record StageRun(StepExecution step, long instanceId, Map<String, Integer> statuses) {
	}

	private Step step(String name) {
		return this.context.getBean(name, Step.class);
	}

	private static Path temporaryFolder() {
		// Under target, so that a clean build removes it; a folder for each suite's JVM.
		return Path.of("target", "stage-steps", UUID.randomUUID().toString()).toAbsolutePath();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class SimulatedKey {

		@Bean
		ApiKey apiKey() {
			return new ApiKey("sk-test-key");
		}

	}

}
