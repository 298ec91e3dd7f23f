package io.fluxbatch.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small real HTTP client for the simulator tests, so they exercise the server exactly
 * as the application does.
 */
final class SimulatorClient {

	static final String KEY = "sk-test-key";

	static final String AUTHORIZATION = "Bearer " + KEY;

	/**
	 * What {@link #generateStatusOrReset} answers when the connection was reset.
	 */
	static final int RESET = -1;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final String baseUrl;

	SimulatorClient(FluxSimulator simulator) {
		this.baseUrl = simulator.baseUrl();
	}

	HttpResponse<String> generate(String body) {
		return generate(body, AUTHORIZATION);
	}

	HttpResponse<String> generate(String body, String authorization) {
		HttpRequest.Builder request = request(this.baseUrl + "/generate").header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> generateOrFail(String body) throws IOException {
		HttpRequest request = request(this.baseUrl + "/generate").header("Authorization", AUTHORIZATION)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Submits a generation whose answer may be lost.
	 * @param body the request body
	 * @return the status, or {@link #RESET} when the connection was reset
	 */
	int generateStatusOrReset(String body) {
		try {
			return generateOrFail(body).statusCode();
		}
		catch (IOException ex) {
			return RESET;
		}
	}

	HttpResponse<String> poll(String taskId) {
		return get(this.baseUrl + "/tasks/" + taskId);
	}

	HttpResponse<String> downloadLink(String taskId) {
		return get(this.baseUrl + "/tasks/" + taskId + "/download");
	}

	HttpResponse<String> get(String url) {
		return send(request(url).header("Authorization", AUTHORIZATION).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<byte[]> cdn(String url) {
		return send(request(url).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	HttpResponse<byte[]> cdnWithAuthorization(String url) {
		return send(request(url).header("Authorization", AUTHORIZATION).GET().build(),
				HttpResponse.BodyHandlers.ofByteArray());
	}

	/**
	 * Submits a generation that must be accepted.
	 * @param body the request body
	 * @return the new task's id, whichever response shape is configured
	 */
	String submit(String body) {
		HttpResponse<String> response = generate(body);
		if (response.statusCode() != 200) {
			throw new IllegalStateException("Submit failed: " + response.statusCode() + " " + response.body());
		}
		JsonNode json = json(response);
		return json.has("taskId") ? json.get("taskId").stringValue() : json.get("data").get("id").stringValue();
	}

	static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	static String errorCode(HttpResponse<String> response) {
		return json(response).path("error").path("code").stringValue();
	}

	static String cdnErrorCode(HttpResponse<byte[]> response) {
		return JSON.readTree(response.body()).path("error").path("code").stringValue();
	}

	static String seedBody(String model, String prompt) {
		return seedBody(model, prompt, "1K", "1:1");
	}

	static String seedBody(String model, String prompt, String resolution, String aspectRatio) {
		var body = JSON.createObjectNode();
		body.put("model", model);
		body.put("prompt", prompt);
		var options = body.putObject("options");
		options.put("resolution", resolution);
		options.put("aspectRatio", aspectRatio);
		return JSON.writeValueAsString(body);
	}

	static String inputBody(String model, String prompt, String resolution, String aspectRatio, String... inputUrls) {
		var body = JSON.createObjectNode();
		body.put("model", model);
		var input = body.putObject("input");
		input.put("prompt", prompt);
		input.put("resolution", resolution);
		input.put("aspect_ratio", aspectRatio);
		if (inputUrls.length > 0) {
			var urls = input.putArray("input_urls");
			for (String url : inputUrls) {
				urls.add(url);
			}
		}
		return JSON.writeValueAsString(body);
	}

	private static HttpRequest.Builder request(String url) {
		return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
	}

	private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
		try {
			return this.http.send(request, handler);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
