package io.fluxbatch.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the simulator remembers between requests, shared by the request handlers and
 * the {@link FluxSimulator} controls.
 */
final class SimulatorState {

	private static final Logger logger = LoggerFactory.getLogger(SimulatorState.class);

	static final String TOKEN_PARAMETER = "token";

	private final SimulatorSettings settings;

	private final Clock clock;

	private final SimulatorDice dice;

	private final SimulatorMetrics metrics = new SimulatorMetrics();

	private final CreditAccount credits;

	private final TaskStore tasks = new TaskStore();

	private final RequestRateLimiter rateLimiter;

	private final Queue<ReceivedGeneration> generations = new ConcurrentLinkedQueue<>();

	private final DownloadTokens downloadTokens = new DownloadTokens();

	private volatile Consumer<String> requestListener;

	private volatile boolean down;

	private volatile long downAfterTasks = Long.MAX_VALUE;

	private volatile String origin = "http://localhost";

	SimulatorState(SimulatorSettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
		this.dice = new SimulatorDice(settings);
		this.credits = new CreditAccount(settings.startingCredits());
		this.rateLimiter = new RequestRateLimiter(settings.requestsPerSecond(), settings.dailyQuota());
	}

	SimulatorSettings settings() {
		return this.settings;
	}

	Instant now() {
		return this.clock.instant();
	}

	SimulatorDice dice() {
		return this.dice;
	}

	SimulatorMetrics metrics() {
		return this.metrics;
	}

	CreditAccount credits() {
		return this.credits;
	}

	TaskStore tasks() {
		return this.tasks;
	}

	RequestRateLimiter rateLimiter() {
		return this.rateLimiter;
	}

	boolean isDown() {
		return this.down;
	}

	void setDown(boolean down) {
		this.down = down;
		if (!down) {
			this.downAfterTasks = Long.MAX_VALUE;
		}
	}

	void goDownAfterTasks(long tasks) {
		this.downAfterTasks = tasks;
	}

	/**
	 * Sets the scheme, host and port the server is reachable at, known only once it has
	 * started on its dynamic port.
	 * @param origin for example {@code http://localhost:8080}
	 */
	void setOrigin(String origin) {
		this.origin = origin;
	}

	String origin() {
		return this.origin;
	}

	String imageUrl(SimulatedTask task) {
		return this.origin + CdnHandler.CDN_PREFIX + task.id() + CdnHandler.IMAGE_SUFFIX;
	}

	/**
	 * The URL a download link hands out: the result URL itself, unless that has expired
	 * (or may by the time it is used), in which case a newly signed one.
	 * @param task a completed task
	 * @return a URL the CDN serves the task's image at
	 */
	String downloadUrl(SimulatedTask task) {
		if (!task.resultUrlExpired() && this.settings.injectedFaults().resultUrlLifetime() == null) {
			return imageUrl(task);
		}
		return imageUrl(task) + "?" + TOKEN_PARAMETER + "=" + this.downloadTokens.issue(task.id());
	}

	DownloadTokens downloadTokens() {
		return this.downloadTokens;
	}

	void setRequestListener(Consumer<String> listener) {
		this.requestListener = listener;
	}

	/**
	 * Tells the request listener, if any, that a request of {@code kind} arrived.
	 * @param kind {@code generate}, {@code poll}, {@code download} or {@code cdn}
	 */
	void requestArrived(String kind) {
		Consumer<String> listener = this.requestListener;
		if (listener == null) {
			return;
		}
		try {
			listener.accept(kind);
		}
		catch (RuntimeException ex) {
			// A test's hook must not turn into a simulated server error the client would
			// see.
			logger.warn("The request listener failed on a {} request", kind, ex);
		}
	}

	Duration baseLatency(ModelFamily family) {
		return (family == ModelFamily.PRO) ? this.settings.proLatency() : this.settings.flexLatency();
	}

	void accept(SimulatedTask task, String rawBody) {
		GenerationRequest request = task.request();
		this.tasks.add(task);
		this.generations.add(new ReceivedGeneration(task.id(), request.modelName(), request.prompt(),
				request.resolution(), request.aspectRatio(), request.inputUrls(), rawBody));
		if (this.metrics.tasksCreated.incrementAndGet() >= this.downAfterTasks) {
			this.down = true;
		}
	}

	/**
	 * Bills the tasks that have finished by {@code now}: completed ones are charged,
	 * failed ones get their reservation back.
	 * @param now the current instant
	 */
	void settleFinishedTasks(Instant now) {
		for (SimulatedTask task : this.tasks.takeFinished(now)) {
			if (task.fails()) {
				this.credits.refund(task.credits());
				this.metrics.generationsFailed.incrementAndGet();
			}
			else {
				this.credits.charge(task.credits());
			}
		}
	}

	SimulatorCounters counters() {
		settleFinishedTasks(now());
		return this.metrics.snapshot(this.credits);
	}

	List<ReceivedGeneration> generations() {
		return List.copyOf(this.generations);
	}

	List<TaskRecord> taskRecords() {
		Instant now = now();
		settleFinishedTasks(now);
		return this.tasks.all().stream().map((task) -> TaskRecord.of(task, task.stateAt(now))).toList();
	}

}
