package io.fluxbatch.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.OptionalLong;
import java.util.UUID;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers the three API endpoints: outage and injected faults first, then authentication,
 * then rate limits, then the endpoint itself, then the faults that strike once the work
 * is done (a lost or a slow answer).
 */
final class FluxApiHandler {

	private static final Logger logger = LoggerFactory.getLogger(FluxApiHandler.class);

	private static final Duration DOWNLOAD_LINK_VALIDITY = Duration.ofHours(1);

	private final SimulatorState state;

	private final GenerationRequestParser parser;

	private final ApiKeyCheck apiKeyCheck;

	private final TaskBodies bodies;

	private final JsonResponses responses;

	FluxApiHandler(SimulatorState state, JsonMapper json) {
		this.state = state;
		this.parser = new GenerationRequestParser(json);
		this.apiKeyCheck = new ApiKeyCheck(state.settings().acceptedKey());
		this.bodies = new TaskBodies(json, state.settings().shape());
		this.responses = new JsonResponses(json);
	}

	ResponseDefinition handle(Request request, String path) {
		Instant now = this.state.now();
		ApiRoute route = ApiRoute.of(request.getMethod(), path);
		arrived(route);
		this.state.settleFinishedTasks(now);
		ResponseDefinition refused = refuseBeforeWork(request, path, now);
		if (refused != null) {
			return refused;
		}
		return slowDownMaybe(work(request, path, route, now));
	}

	// Outage, dropped connection, server error, burst 429, in that order: faults that
	// strike before the request is looked at, so nothing is created or used up.
	private ResponseDefinition refuseBeforeWork(Request request, String path, Instant now) {
		SimulatorMetrics metrics = this.state.metrics();
		if (this.state.isDown()) {
			metrics.serverErrors.incrementAndGet();
			return error(503, "SERVICE_UNAVAILABLE", "The service is temporarily unavailable", peek(now));
		}
		SimulatorDice dice = this.state.dice();
		if (dice.dropConnection()) {
			metrics.droppedConnections.incrementAndGet();
			logger.debug("Dropping the connection of {} {}", request.getMethod(), path);
			return JsonResponses.droppedConnection();
		}
		if (dice.serverError()) {
			metrics.serverErrors.incrementAndGet();
			int status = dice.serverErrorStatus();
			logger.debug("Answering {} {} with an injected {}", request.getMethod(), path, status);
			return (status == 500) ? error(500, "INTERNAL_ERROR", "Internal server error", peek(now))
					: error(503, "SERVICE_UNAVAILABLE", "The service is temporarily unavailable", peek(now));
		}
		if (dice.burstRateLimited()) {
			metrics.rateLimited.incrementAndGet();
			metrics.burstRateLimited.incrementAndGet();
			Duration retryAfter = this.state.settings().injectedFaults().burstRetryAfter();
			logger.debug("Answering {} {} with an injected burst 429", request.getMethod(), path);
			return this.responses.retryAfter(429,
					this.bodies.error("RATE_LIMITED",
							"Too many requests in a short burst; retry after " + retryAfter.toSeconds() + " s"),
					peek(now), retryAfter);
		}
		return null;
	}

	private ResponseDefinition work(Request request, String path, ApiRoute route, Instant now) {
		RateLimitHeaders rateLimit = peek(now);
		try {
			this.apiKeyCheck.verify(request.getHeader("Authorization"));
			RateLimitDecision decision = this.state.rateLimiter().tryAcquire(now);
			rateLimit = decision.headers();
			if (!decision.allowed()) {
				return rateLimited(decision);
			}
			return switch (route.endpoint()) {
				case GENERATE -> submit(request.getBodyAsString(), request.getHeader("Authorization"), now, rateLimit);
				case TASK -> poll(route.taskId(), now, rateLimit);
				case DOWNLOAD -> downloadLink(route.taskId(), now, rateLimit);
				case UNKNOWN ->
					throw new ApiException(404, "NOT_FOUND", "No such endpoint: " + request.getMethod() + " " + path);
			};
		}
		catch (ApiException ex) {
			return error(ex.status(), ex.code(), ex.getMessage(), rateLimit);
		}
	}

	// Held back after the work is done, so a client that gives up waiting has still
	// changed the server's state, as with a real overloaded server.
	private ResponseDefinition slowDownMaybe(ResponseDefinition answer) {
		if (!this.state.dice().slowResponse()) {
			return answer;
		}
		this.state.metrics().slowResponses.incrementAndGet();
		return JsonResponses.delayed(answer, this.state.settings().injectedFaults().slowResponseDelay());
	}

	private ResponseDefinition submit(String body, String apiKey, Instant now, RateLimitHeaders rateLimit) {
		GenerationRequest request = this.parser.parse(body);
		int cap = this.state.settings().maxUnfinishedTasks();
		if (cap == 0) {
			return create(request, body, apiKey, now, rateLimit);
		}
		// Counting and creating at once, or two submissions could both take the last
		// slot.
		synchronized (this.state.tasks()) {
			int unfinished = this.state.tasks().unfinished(apiKey);
			if (unfinished >= cap) {
				SimulatorMetrics metrics = this.state.metrics();
				metrics.rateLimited.incrementAndGet();
				metrics.concurrencyLimited.incrementAndGet();
				// No Retry-After: the API cannot know when a task will finish.
				return error(429, "CONCURRENCY_LIMIT", "Too many unfinished tasks: " + unfinished + " of " + cap
						+ "; submit again once one has finished", rateLimit);
			}
			return create(request, body, apiKey, now, rateLimit);
		}
	}

	private ResponseDefinition create(GenerationRequest request, String body, String apiKey, Instant now,
			RateLimitHeaders rateLimit) {
		int price = request.credits();
		OptionalLong remaining = this.state.credits().reserve(price);
		if (remaining.isEmpty()) {
			throw new ApiException(402, "INSUFFICIENT_CREDITS", "Insufficient credits: "
					+ this.state.credits().balance() + " remaining, " + price + " required. Top up your account.");
		}
		SimulatorDice dice = this.state.dice();
		Duration latency = dice.latency(this.state.baseLatency(request.model().family()));
		ImageSize size = ImageSize.of(request.resolution(), request.aspectRatio(), this.state.settings().tinyImages());
		boolean fails = dice.generationFails();
		boolean resultUrlExpired = dice.expiredUrl();
		boolean responseLost = dice.responseLost();
		SimulatedTask task = new SimulatedTask(newTaskId(), request, now.truncatedTo(ChronoUnit.MILLIS), latency, fails,
				size, resultUrlExpired, responseLost, apiKey);
		this.state.accept(task, body);
		if (responseLost) {
			return lostAnswer(task, rateLimit);
		}
		return this.responses.json(200, this.bodies.submitted(task, remaining.getAsLong()), rateLimit);
	}

	// The task exists and its credits are reserved, yet the client cannot know: a blind
	// retry will create and pay for a second one.
	private ResponseDefinition lostAnswer(SimulatedTask task, RateLimitHeaders rateLimit) {
		SimulatorMetrics metrics = this.state.metrics();
		metrics.lostResponses.incrementAndGet();
		if (this.state.dice().lostByReset()) {
			metrics.droppedConnections.incrementAndGet();
			logger.debug("Created {} but dropping the connection instead of answering", task.id());
			return JsonResponses.droppedConnection();
		}
		metrics.serverErrors.incrementAndGet();
		logger.debug("Created {} but answering 500 instead", task.id());
		return error(500, "INTERNAL_ERROR", "Internal server error", rateLimit);
	}

	private ResponseDefinition poll(String taskId, Instant now, RateLimitHeaders rateLimit) {
		SimulatedTask task = findTask(taskId);
		TaskState taskState = task.stateAt(now);
		return this.responses.json(200, this.bodies.status(task, taskState, this.state.imageUrl(task)), rateLimit);
	}

	private ResponseDefinition downloadLink(String taskId, Instant now, RateLimitHeaders rateLimit) {
		SimulatedTask task = findTask(taskId);
		TaskState taskState = task.stateAt(now);
		if (taskState != TaskState.COMPLETED) {
			throw new ApiException(409, "NO_RESULT",
					"Task " + taskId + " has no result (status: " + taskState.wireName() + ")");
		}
		return this.responses.json(200,
				this.bodies.downloadLink(this.state.downloadUrl(task), now.plus(DOWNLOAD_LINK_VALIDITY)), rateLimit);
	}

	private SimulatedTask findTask(String taskId) {
		return this.state.tasks()
			.find(taskId)
			.orElseThrow(() -> new ApiException(404, "TASK_NOT_FOUND", "Task not found: " + taskId));
	}

	private ResponseDefinition rateLimited(RateLimitDecision decision) {
		this.state.metrics().rateLimited.incrementAndGet();
		if (decision.outcome() == RateLimitDecision.Outcome.PER_SECOND_LIMIT) {
			return this.responses.retryAfter(429, this.bodies.error("RATE_LIMITED", decision.message()),
					decision.headers(), Duration.ofSeconds(1));
		}
		// The daily quota only renews at midnight, so there is no useful Retry-After.
		return error(429, "RATE_LIMITED", decision.message(), decision.headers());
	}

	private ResponseDefinition error(int status, String code, String message, RateLimitHeaders rateLimit) {
		return this.responses.json(status, this.bodies.error(code, message), rateLimit);
	}

	private RateLimitHeaders peek(Instant now) {
		return this.state.rateLimiter().peek(now);
	}

	private void arrived(ApiRoute route) {
		String kind = route.endpoint().requestKind();
		if (kind != null) {
			this.state.requestArrived(kind);
		}
		SimulatorMetrics metrics = this.state.metrics();
		switch (route.endpoint()) {
			case GENERATE -> metrics.generateRequests.incrementAndGet();
			case TASK -> metrics.pollRequests.incrementAndGet();
			case DOWNLOAD -> metrics.downloadUrlRequests.incrementAndGet();
			case UNKNOWN -> {
				// Not one of the API's endpoints, so not part of the client's traffic.
			}
		}
	}

	private static String newTaskId() {
		return "task_" + UUID.randomUUID().toString().replace("-", "");
	}

}
