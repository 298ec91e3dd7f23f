package io.fluxbatch.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import io.fluxbatch.simulator.FluxSimulator;
import io.fluxbatch.simulator.SimulatorCounters;
import io.fluxbatch.simulator.SimulatorSettings;
import io.fluxbatch.simulator.TaskRecord;
import org.junit.jupiter.api.Test;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The performance benchmark: requests per image on a quota plan, makespan under a
 * per-second limit, and cost per row at scale, for the job and for the client the
 * vendor's pages recommend, on the same simulator. Run with
 * {@code ./mvnw -Pbench verify}; never part of the normal test run. Sizes are system
 * properties ({@code bench.*}) so a quick smoke run is possible; it prints one table.
 */
class PerformanceBenchmark {

	private static final int QUOTA_ROWS = Integer.getInteger("bench.quota.rows", 300);

	private static final int THROUGHPUT_ROWS = Integer.getInteger("bench.throughput.rows", 2_000);

	private static final int SCALE_ROWS = Integer.getInteger("bench.scale.rows", 100_000);

	private static final int SCALE_SMALL_ROWS = Integer.getInteger("bench.scale.small-rows", 10_000);

	private static final int UNKNOWN_LIMIT_ROWS = Integer.getInteger("bench.unknown-limit.rows", 400);

	private static final int CONCURRENCY_CAP_ROWS = Integer.getInteger("bench.concurrency-cap.rows", 300);

	private static final int LONG_NIGHT_ROWS = Integer.getInteger("bench.long-night.rows", 240);

	private static final int LONG_NIGHT_LIMIT = 20;

	private static final Duration LONG_NIGHT_URL_LIFETIME = Duration.ofSeconds(15);

	private static final int NIGHTS_ROWS = Integer.getInteger("bench.unchanged-night.rows", 20_000);

	/** What a FLUX.2 image weighs at 1K. */
	private static final long REAL_IMAGE_BYTES = Long.getLong("bench.unchanged-night.image-bytes", 1_750_000);

	private static final int GROWTH_ROWS = Integer.getInteger("bench.db-growth.rows", 5_000);

	private static final int GROWTH_NIGHTS = Integer.getInteger("bench.db-growth.nights", 60);

	private static final int GROWTH_KEEP_RUNS = Integer.getInteger("bench.db-growth.keep-runs", 30);

	/** The nights the database's size is compared with: by then it holds a few runs. */
	private static final int GROWTH_BASE_NIGHT = 5;

	private static final double GROWTH_CHANGED = 0.02;

	private static final String SCALE_MAX_HEAP = System.getProperty("bench.scale.max-heap", "512m");

	/**
	 * The scale workload's job database: a PostgreSQL URL ({@code -Dbench.scale.db-url},
	 * the user and password from {@code FLUX_TEST_POSTGRES_USER} and {@code _PASSWORD}),
	 * or none for the H2 folder database of each run.
	 */
	private static final String SCALE_DB_URL = System.getProperty("bench.scale.db-url");

	private static final Set<String> WORKLOADS = Set.copyOf(Arrays.asList(System
		.getProperty("bench.workloads",
				"quota,throughput,scale,unknown-limit,long-night,concurrency-cap,unchanged-night,db-growth")
		.split(",")));

	private static final int THROUGHPUT_LIMIT = 50;

	private static final int[] UNKNOWN_LIMITS = { 5, 20, 40, 100 };

	private static final int CONCURRENCY_CAP = 24;

	/** What the vendor-recommended client keeps in flight where no limit is known. */
	private static final int BASELINE_IN_FLIGHT = 16;

	/** A job file whose pace is not what is measured. */
	private static final String FAST_JOB = """
			flux:
			  api:
			    requests-per-second: 1000
			""";

	/** The job file of a user who has set nothing. */
	private static final String DEFAULT_SETTINGS = "# every setting at its default\n";

	/** Kept after the run (job logs, GC logs, outputs) for a look at what happened. */
	private final Path dir = Path.of("target", "bench-runs");

	private final BenchTable table = new BenchTable();

	@Test
	void measureEveryWorkload() throws Exception {
		FileSystemUtils.deleteRecursively(this.dir);
		this.table.machine(Runtime.getRuntime().availableProcessors(),
				System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
				System.getProperty("os.name") + " " + System.getProperty("os.arch"),
				ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME).substring(0, 16));
		if (WORKLOADS.contains("quota")) {
			quota();
		}
		if (WORKLOADS.contains("throughput")) {
			throughput();
		}
		if (WORKLOADS.contains("unknown-limit")) {
			unknownLimit();
		}
		if (WORKLOADS.contains("long-night")) {
			longNight();
		}
		if (WORKLOADS.contains("concurrency-cap")) {
			concurrencyCap();
		}
		if (WORKLOADS.contains("scale")) {
			scale();
		}
		if (WORKLOADS.contains("unchanged-night")) {
			unchangedNight();
		}
		if (WORKLOADS.contains("db-growth")) {
			databaseGrowth();
		}
		String report = this.table.render();
		System.out.println(report);
		Path saved = Path.of("target", "performance.md");
		Files.createDirectories(saved.getParent());
		Files.writeString(saved, report);
	}

	/**
	 * Requests per completed image, with per-model latency varying ±50 % and no
	 * per-second limit: what a daily quota buys.
	 */
	private void quota() throws Exception {
		Workload workload = new Workload("quota", Workload.prompts(QUOTA_ROWS, 3),
				SimulatorSettings.defaults()
					.withLatency(Duration.ofSeconds(4), Duration.ofSeconds(8))
					.withLatencyJitter(0.5)
					.withTinyImages(true)
					.withRandomSeed(7),
				"""
						flux:
						  api:
						    # no per-second limit on this plan: only the client's own pace
						    requests-per-second: 200
						""", 200);
		Measured job = runJob(workload);
		Measured baseline = runBaseline(workload, workload.rows());
		this.table.quota(workload.rows(), job, baseline);
	}

	/**
	 * Makespan under a 50 requests/second limit shared by submits and polls, latency
	 * about 2 s ±50 %.
	 */
	private void throughput() throws Exception {
		Workload workload = new Workload("throughput", Workload.prompts(THROUGHPUT_ROWS, 0),
				SimulatorSettings.defaults()
					.withLatency(Duration.ofSeconds(2), Duration.ofSeconds(2))
					.withLatencyJitter(0.5)
					.withRequestsPerSecond(THROUGHPUT_LIMIT)
					.withTinyImages(true)
					.withRandomSeed(11),
				"""
						flux:
						  api:
						    requests-per-second: %d
						""".formatted(THROUGHPUT_LIMIT), THROUGHPUT_LIMIT);
		Measured job = runJob(workload);
		Measured baseline = runBaseline(workload, workload.rows());
		this.table.throughput(workload.rows(), THROUGHPUT_LIMIT, job, baseline);
	}

	/**
	 * Default settings against an API whose per-second limit nobody told the job: one run
	 * per limit, latency 1 to 2 s; the baseline keeps 16 tasks in flight, unpaced, and
	 * waits out each 429's {@code Retry-After}.
	 */
	private void unknownLimit() throws Exception {
		for (int limit : UNKNOWN_LIMITS) {
			Workload workload = new Workload("unknown-limit-" + limit, Workload.prompts(UNKNOWN_LIMIT_ROWS, 0),
					SimulatorSettings.defaults()
						.withLatency(Duration.ofMillis(1500), Duration.ofMillis(1500))
						.withLatencyJitter(1.0 / 3)
						.withRequestsPerSecond(limit)
						.withTinyImages(true)
						.withRandomSeed(13),
					DEFAULT_SETTINGS, Double.POSITIVE_INFINITY);
			Measured job = runJob(workload);
			Measured baseline = runBaseline(workload, BASELINE_IN_FLIGHT);
			this.table.unknownLimit(workload.rows(), limit, job, baseline);
		}
	}

	/**
	 * Default settings against an API allowing 20 requests a second whose result URLs
	 * expire 15 s after each task ends, latency 2 s: an image not fetched in time costs a
	 * download-link request.
	 */
	private void longNight() throws Exception {
		Duration latency = Duration.ofSeconds(2);
		Workload workload = new Workload("long-night", Workload.prompts(LONG_NIGHT_ROWS, 0),
				SimulatorSettings.defaults()
					.withLatency(latency, latency)
					.withRequestsPerSecond(LONG_NIGHT_LIMIT)
					.withResultUrlLifetime(LONG_NIGHT_URL_LIFETIME)
					.withTinyImages(true)
					.withRandomSeed(19),
				DEFAULT_SETTINGS, Double.POSITIVE_INFINITY);
		Measured job = runJob(workload);
		Measured baseline = runBaseline(workload, BASELINE_IN_FLIGHT);
		this.table.longNight(workload.rows(), LONG_NIGHT_LIMIT, LONG_NIGHT_URL_LIFETIME, job, baseline);
	}

	/**
	 * Default settings against an API that refuses new tasks while 24 of the key's are
	 * unfinished, latency 3 s, no per-second limit.
	 */
	private void concurrencyCap() throws Exception {
		Duration latency = Duration.ofSeconds(3);
		Workload workload = new Workload("concurrency-cap", Workload.prompts(CONCURRENCY_CAP_ROWS, 0),
				SimulatorSettings.defaults()
					.withLatency(latency, latency)
					.withMaxUnfinishedTasks(CONCURRENCY_CAP)
					.withTinyImages(true)
					.withRandomSeed(17),
				DEFAULT_SETTINGS, Double.POSITIVE_INFINITY);
		Measured job = runJob(workload);
		Measured baseline = runBaseline(workload, BASELINE_IN_FLIGHT);
		this.table.concurrencyCap(workload.rows(), CONCURRENCY_CAP, latency, job, baseline);
	}

	/**
	 * Night 1 at two sizes (rows per second, CPU per row, peak heap and RSS), then the
	 * same sheet again: the unchanged night's CPU.
	 */
	private void scale() throws Exception {
		for (int rows : new int[] { SCALE_SMALL_ROWS, SCALE_ROWS }) {
			Workload workload = new Workload("scale", Workload.prompts(rows, 0),
					SimulatorSettings.defaults().withTinyImages(true).withCredits(Long.MAX_VALUE / 4),
					FAST_JOB + scaleDatabase(), 0);
			Path runDir = Files.createDirectories(this.dir.resolve("scale-" + rows));
			Path input = workload.writeCsv(runDir.resolve("prompts.csv"));
			try (FluxSimulator simulator = FluxSimulator.start(workload.simulator())) {
				long benchCpuBefore = processCpuNanos();
				JobRun run = JobLauncher.ownJvm(runDir, input, simulator.baseUrl(), workload.jobFile(), SCALE_MAX_HEAP);
				// The benchmark's JVM does little else meanwhile: its CPU is the
				// simulator's.
				Duration simulatorCpu = Duration.ofNanos(processCpuNanos() - benchCpuBefore);
				assertThat(run.exitCode()).as(run.out()).isZero();
				JobRun unchanged = JobLauncher.ownJvm(runDir, input, simulator.baseUrl(), workload.jobFile(),
						SCALE_MAX_HEAP);
				assertThat(unchanged.exitCode()).as(unchanged.out()).isZero();
				this.table.scale(rows, SCALE_MAX_HEAP, run, simulator.counters(), simulatorCpu, unchanged);
			}
		}
	}

	/**
	 * An unchanged night over a library of tiny images and over one of images that weigh
	 * what real ones do: trusted by their size, time and file, neither is read.
	 */
	private void unchangedNight() throws Exception {
		JobRun tiny = null;
		for (long imageBytes : new long[] { 0, REAL_IMAGE_BYTES }) {
			Workload workload = new Workload("unchanged-night", Workload.prompts(NIGHTS_ROWS, 0),
					SimulatorSettings.defaults()
						.withTinyImages(true)
						.withImageBytes(imageBytes)
						.withCredits(Long.MAX_VALUE / 4),
					FAST_JOB, 0);
			Path runDir = Files.createDirectories(this.dir.resolve("unchanged-night-" + imageBytes));
			Path input = workload.writeCsv(runDir.resolve("prompts.csv"));
			try (FluxSimulator simulator = FluxSimulator.start(workload.simulator())) {
				JobRun first = JobLauncher.ownJvm(runDir, input, simulator.baseUrl(), workload.jobFile(),
						SCALE_MAX_HEAP);
				assertThat(first.exitCode()).as(first.out()).isZero();
				long requests = simulator.counters().apiRequests();
				JobRun unchanged = JobLauncher.ownJvm(runDir, input, simulator.baseUrl(), workload.jobFile(),
						SCALE_MAX_HEAP);
				assertThat(unchanged.exitCode()).as(unchanged.out()).isZero();
				long libraryBytes = folderBytes(runDir.resolve("out").resolve(".library"));
				this.table.unchangedNight(NIGHTS_ROWS, libraryBytes, unchanged,
						simulator.counters().apiRequests() - requests, tiny);
				tiny = (tiny == null) ? unchanged : tiny;
			}
		}
	}

	/**
	 * Night after night of one catalog with a few rows changed each night: the job
	 * database keeps its newest runs, so its size levels off.
	 */
	private void databaseGrowth() throws Exception {
		Path runDir = Files.createDirectories(this.dir.resolve("db-growth"));
		int changed = (int) Math.round(GROWTH_ROWS * GROWTH_CHANGED);
		long baseSize = -1;
		SimulatorSettings settings = SimulatorSettings.defaults().withTinyImages(true).withCredits(Long.MAX_VALUE / 4);
		try (FluxSimulator simulator = FluxSimulator.start(settings)) {
			for (int night = 1; night <= GROWTH_NIGHTS; night++) {
				List<BenchPrompt> prompts = new ArrayList<>(Workload.prompts(GROWTH_ROWS, 0));
				for (int i = 0; i < changed; i++) {
					int row = (night * changed + i) % GROWTH_ROWS;
					BenchPrompt prompt = prompts.get(row);
					prompts.set(row, new BenchPrompt(prompt.key(), prompt.text() + ", night " + night, prompt.model()));
				}
				Workload workload = new Workload("db-growth", prompts, settings,
						FAST_JOB + "  job:\n    keep-runs: " + GROWTH_KEEP_RUNS + "\n", 0);
				Path input = workload.writeCsv(runDir.resolve("prompts.csv"));
				JobRun run = JobLauncher.inProcess(runDir, input, simulator.baseUrl(), workload.jobFile());
				assertThat(run.exitCode()).as(run.out()).isZero();
				if (night == GROWTH_BASE_NIGHT) {
					baseSize = folderBytes(runDir.resolve("db"));
				}
			}
			this.table.databaseGrowth(GROWTH_ROWS, changed, GROWTH_KEEP_RUNS, GROWTH_BASE_NIGHT, baseSize,
					GROWTH_NIGHTS, folderBytes(runDir.resolve("db")));
		}
	}

	private static long folderBytes(Path folder) throws IOException {
		try (Stream<Path> files = Files.walk(folder)) {
			return files.filter(Files::isRegularFile).mapToLong((file) -> file.toFile().length()).sum();
		}
	}

	private static String scaleDatabase() {
		if (SCALE_DB_URL == null) {
			return "";
		}
		return "spring:\n  datasource:\n    url: " + SCALE_DB_URL + "\n    username: "
				+ System.getenv("FLUX_TEST_POSTGRES_USER") + "\n    password: "
				+ System.getenv("FLUX_TEST_POSTGRES_PASSWORD") + "\n";
	}

	private Measured runJob(Workload workload) throws IOException {
		Path runDir = Files.createDirectories(this.dir.resolve(workload.name() + "-job"));
		Path input = workload.writeCsv(runDir.resolve("prompts.csv"));
		try (FluxSimulator simulator = FluxSimulator.start(workload.simulator())) {
			JobRun run = JobLauncher.inProcess(runDir, input, simulator.baseUrl(), workload.jobFile());
			assertThat(run.exitCode()).as(run.out()).isZero();
			return new Measured(run.storedImages(), run.elapsed(), simulator.counters(), slowest(simulator.tasks()),
					workload.rows());
		}
	}

	private Measured runBaseline(Workload workload, int inFlight) {
		try (FluxSimulator simulator = FluxSimulator.start(workload.simulator());
				BaselineClient client = new BaselineClient(simulator.baseUrl(), workload.requestsPerSecond())) {
			long start = System.nanoTime();
			long images = client.run(workload.prompts(), inFlight);
			return new Measured(images, Duration.ofNanos(System.nanoTime() - start), simulator.counters(),
					slowest(simulator.tasks()), inFlight);
		}
	}

	private static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	private static Duration slowest(List<TaskRecord> tasks) {
		return tasks.stream().map(TaskRecord::latency).max(Duration::compareTo).orElse(Duration.ZERO);
	}

	/** One client's run of a workload, as the simulator saw it. */
	record Measured(long images, Duration makespan, SimulatorCounters counters, Duration slowestTask, int inFlight) {

		double requestsPerImage() {
			return (double) this.counters.apiRequests() / this.images;
		}

		/** Requests at the limit's pace, plus the slowest task's own latency. */
		double floorSeconds(int limit) {
			return (double) this.counters.apiRequests() / limit + this.slowestTask.toMillis() / 1000.0;
		}

		double rateLimitedShare() {
			return (double) this.counters.rateLimited() / this.counters.apiRequests();
		}

	}

}
