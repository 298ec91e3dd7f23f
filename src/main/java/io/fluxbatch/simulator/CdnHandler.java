package io.fluxbatch.simulator;

import java.time.Instant;
import java.util.Arrays;

import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serves the finished images the way the vendor's CDN does: without authentication, and
 * noting when a client sends its API key there anyway; also where expired result URLs and
 * truncated images are injected.
 */
final class CdnHandler {

	static final String CDN_PREFIX = "/cdn/";

	static final String IMAGE_SUFFIX = ".png";

	static final String REQUEST_KIND = "cdn";

	private final SimulatorState state;

	private final PlaceholderImageRenderer renderer = new PlaceholderImageRenderer();

	private final TaskBodies bodies;

	private final JsonResponses responses;

	CdnHandler(SimulatorState state, JsonMapper json) {
		this.state = state;
		this.bodies = new TaskBodies(json, state.settings().shape());
		this.responses = new JsonResponses(json);
	}

	ResponseDefinition handle(Request request, String path) {
		this.state.requestArrived(REQUEST_KIND);
		SimulatorMetrics metrics = this.state.metrics();
		metrics.cdnRequests.incrementAndGet();
		if (request.containsHeader("Authorization")) {
			metrics.cdnRequestsWithAuthorization.incrementAndGet();
		}
		if (this.state.dice().cdnError()) {
			return this.responses.json(503, this.bodies.error("CDN_UNAVAILABLE", "The CDN is temporarily unavailable"),
					null);
		}
		SimulatedTask task = completedTask(request.getMethod(), path, this.state.now());
		if (task == null) {
			return this.responses.json(404, this.bodies.error("NOT_FOUND", "No image at " + path), null);
		}
		boolean expired = task.resultUrlExpired()
				|| this.state.settings().injectedFaults().urlExpiredByAge(task.finishesAt(), this.state.now());
		if (expired && !this.state.downloadTokens()
			.isValid(task.id(), token(request.queryParameter(SimulatorState.TOKEN_PARAMETER)))) {
			metrics.expiredUrls.incrementAndGet();
			return this.responses.json(403,
					this.bodies.error("URL_EXPIRED",
							"This result URL has expired; get a fresh one from GET /tasks/" + task.id() + "/download"),
					null);
		}
		byte[] image = this.renderer.render(task.size(), task.request().prompt(), this.state.settings().imageBytes());
		if (this.state.dice().truncatedImage()) {
			metrics.truncatedImages.incrementAndGet();
			// Sent as a whole response of its own length, so only the content can tell.
			image = Arrays.copyOf(image, image.length / 2);
		}
		return JsonResponses.png(image);
	}

	private static String token(QueryParameter parameter) {
		return (parameter != null && parameter.isPresent()) ? parameter.firstValue() : null;
	}

	private SimulatedTask completedTask(RequestMethod method, String path, Instant now) {
		if (!RequestMethod.GET.equals(method) || !path.endsWith(IMAGE_SUFFIX)) {
			return null;
		}
		String taskId = path.substring(CDN_PREFIX.length(), path.length() - IMAGE_SUFFIX.length());
		return this.state.tasks().find(taskId).filter((task) -> task.stateAt(now) == TaskState.COMPLETED).orElse(null);
	}

}
