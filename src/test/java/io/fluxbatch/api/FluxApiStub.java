package io.fluxbatch.api;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.unit.DataSize;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * What the client tests share: a WireMock server standing in for the API, a client
 * pointed at it with fast retries, and the answers the vendor's pages document.
 */
final class FluxApiStub {

	static final String KEY = "sk-test";

	static final String GENERATE = "/api/v1/generate";

	static final String PRO_TEXT_TO_IMAGE = "flux-2/pro-text-to-image";

	static final String PRO_IMAGE_TO_IMAGE = "flux-2/pro-image-to-image";

	static final int MAX_ATTEMPTS = 3;

	private FluxApiStub() {
	}

	static WireMockExtension server() {
		return WireMockExtension.newInstance()
			.options(wireMockConfig().dynamicPort())
			.resetOnEachTest(true)
			.failOnUnmatchedRequests(false)
			.build();
	}

	static FluxClient client(WireMockExtension api) {
		return client(api, RequestDialect.OPTIONS);
	}

	static FluxClient client(WireMockExtension api, RequestDialect dialect) {
		return new FluxClient(properties(api, dialect), new ApiKey(KEY), JsonMapper.builder().build());
	}

	static FluxApiProperties properties(WireMockExtension api, RequestDialect dialect) {
		return new FluxApiProperties(URI.create(api.baseUrl() + "/api/v1"), dialect, Duration.ofSeconds(5),
				Duration.ofSeconds(10), 1000.0,
				new FluxApiProperties.Retry(MAX_ATTEMPTS, Duration.ofMillis(1), Duration.ofMillis(5)),
				new FluxApiProperties.CircuitBreaker(50, 100, Duration.ofSeconds(10), Duration.ofMinutes(5)),
				DataSize.ofMegabytes(1), 75, 0);
	}

	static GenerationRequest textToImage(String prompt) {
		return new GenerationRequest(PRO_TEXT_TO_IMAGE, prompt, "1K", "1:1", List.of());
	}

	static String taskPath(String taskId) {
		return "/api/v1/tasks/" + taskId;
	}

	static ResponseDefinitionBuilder json(int status, String body) {
		return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
	}

	static ResponseDefinitionBuilder error(int status, String code, String message) {
		return json(status, """
				{"success": false, "error": {"code": "%s", "message": "%s"}}""".formatted(code, message));
	}

	/** The product page's answer to a submit. */
	static ResponseDefinitionBuilder seedSubmitted(String taskId) {
		return json(200, """
				{"taskId": "%s", "status": "pending", "model": "flux-2/pro-text-to-image",
				 "createdAt": "2025-12-29T12:00:00Z"}""".formatted(taskId));
	}

	/** A poll answer of the product page's shape, with the given status word. */
	static ResponseDefinitionBuilder seedTask(String taskId, String status) {
		return json(200, """
				{"taskId": "%s", "status": "%s"}""".formatted(taskId, status));
	}

}
