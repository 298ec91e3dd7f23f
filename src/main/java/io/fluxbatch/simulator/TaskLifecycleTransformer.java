package io.fluxbatch.simulator;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The WireMock extension that turns the simulator's single catch-all stub into a stateful
 * API: tasks are created, age and finish according to the clock, and their images are
 * served.
 */
final class TaskLifecycleTransformer implements ResponseDefinitionTransformerV2 {

	static final String NAME = "flux-task-lifecycle";

	private static final Logger logger = LoggerFactory.getLogger(TaskLifecycleTransformer.class);

	private final FluxApiHandler api;

	private final CdnHandler cdn;

	private final TaskBodies bodies;

	private final JsonResponses responses;

	TaskLifecycleTransformer(SimulatorState state, JsonMapper json) {
		this.api = new FluxApiHandler(state, json);
		this.cdn = new CdnHandler(state, json);
		this.bodies = new TaskBodies(json, state.settings().shape());
		this.responses = new JsonResponses(json);
	}

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public boolean applyGlobally() {
		return false;
	}

	@Override
	public ResponseDefinition transform(ServeEvent serveEvent) {
		Request request = serveEvent.getRequest();
		String path = pathOf(request.getUrl());
		try {
			return path.startsWith(CdnHandler.CDN_PREFIX) ? this.cdn.handle(request, path)
					: this.api.handle(request, path);
		}
		catch (RuntimeException ex) {
			logger.error("Simulator failed on {} {}", request.getMethod(), path, ex);
			return this.responses.json(500, this.bodies.error("INTERNAL_ERROR", "Simulator failure: " + ex), null);
		}
	}

	private static String pathOf(String url) {
		int query = url.indexOf('?');
		return (query < 0) ? url : url.substring(0, query);
	}

}
