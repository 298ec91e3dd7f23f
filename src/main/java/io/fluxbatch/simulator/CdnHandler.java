package io.fluxbatch.simulator;

import java.time.Instant;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serves the finished images the way the vendor's CDN does: without authentication, and
 * noting when a client sends its API key there anyway.
 */
final class CdnHandler {

	static final String CDN_PREFIX = "/cdn/";

	static final String IMAGE_SUFFIX = ".png";

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
		return JsonResponses.png(this.renderer.render(task.size(), task.request().prompt()));
	}

	private SimulatedTask completedTask(RequestMethod method, String path, Instant now) {
		if (!RequestMethod.GET.equals(method) || !path.endsWith(IMAGE_SUFFIX)) {
			return null;
		}
		String taskId = path.substring(CDN_PREFIX.length(), path.length() - IMAGE_SUFFIX.length());
		return this.state.tasks().find(taskId).filter((task) -> task.stateAt(now) == TaskState.COMPLETED).orElse(null);
	}

}
