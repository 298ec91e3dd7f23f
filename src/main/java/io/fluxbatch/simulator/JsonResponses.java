package io.fluxbatch.simulator;

import java.time.Duration;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns JSON bodies and rate-limit state into WireMock responses, so every API response
 * carries the same headers.
 */
final class JsonResponses {

	private final JsonMapper json;

	JsonResponses(JsonMapper json) {
		this.json = json;
	}

	ResponseDefinition json(int status, JsonNode body, RateLimitHeaders rateLimit) {
		return builder(status, body, rateLimit).build();
	}

	ResponseDefinition retryAfter(int status, JsonNode body, RateLimitHeaders rateLimit, Duration retryAfter) {
		return builder(status, body, rateLimit).withHeader("Retry-After", Long.toString(retryAfter.toSeconds()))
			.build();
	}

	static ResponseDefinition png(byte[] image) {
		return ResponseDefinitionBuilder.responseDefinition()
			.withStatus(200)
			.withHeader("Content-Type", TaskBodies.IMAGE_TYPE)
			.withBody(image)
			.build();
	}

	static ResponseDefinition droppedConnection() {
		return ResponseDefinitionBuilder.responseDefinition().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
	}

	/**
	 * The same answer, sent only after {@code delay}; WireMock waits once the transformer
	 * has returned, so the work itself is done on time.
	 * @param response the answer
	 * @param delay how long to hold it back
	 * @return the delayed answer
	 */
	static ResponseDefinition delayed(ResponseDefinition response, Duration delay) {
		return ResponseDefinitionBuilder.like(response).withFixedDelay(Math.toIntExact(delay.toMillis())).build();
	}

	private ResponseDefinitionBuilder builder(int status, JsonNode body, RateLimitHeaders rateLimit) {
		ResponseDefinitionBuilder builder = ResponseDefinitionBuilder.responseDefinition()
			.withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withBody(this.json.writeValueAsString(body));
		if (rateLimit != null) {
			if (rateLimit.limit() != null) {
				builder.withHeader(RateLimitHeaders.LIMIT, rateLimit.limit().toString());
				builder.withHeader(RateLimitHeaders.REMAINING, rateLimit.remaining().toString());
			}
			builder.withHeader(RateLimitHeaders.RESET, rateLimit.reset().toString());
		}
		return builder;
	}

}
