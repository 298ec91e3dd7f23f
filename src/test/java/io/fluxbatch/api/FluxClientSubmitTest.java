package io.fluxbatch.api;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.fluxbatch.api.FluxApiStub.GENERATE;
import static io.fluxbatch.api.FluxApiStub.PRO_IMAGE_TO_IMAGE;
import static io.fluxbatch.api.FluxApiStub.client;
import static io.fluxbatch.api.FluxApiStub.json;
import static io.fluxbatch.api.FluxApiStub.seedSubmitted;
import static io.fluxbatch.api.FluxApiStub.textToImage;
import static org.assertj.core.api.Assertions.assertThat;

class FluxClientSubmitTest {

	@RegisterExtension
	static final WireMockExtension api = FluxApiStub.server();

	@Test
	void aSubmitAnsweredInTheSeedShapeGivesAPendingTaskWithoutCredits() {
		api.stubFor(post(GENERATE).willReturn(seedSubmitted("task_abc123xyz")));
		FluxClient client = client(api);
		SubmitAttempts attempts = new SubmitAttempts();

		Task task = client.submit(textToImage("a red fox in the snow"), attempts);

		assertThat(task.id()).isEqualTo("task_abc123xyz");
		assertThat(task.status()).isEqualTo(TaskStatus.PENDING);
		assertThat(task.creditsUsed()).isNull();
		assertThat(task.creditsRemaining()).isNull();
		assertThat(client.usage().creditsRemaining()).isNull();
		assertThat(attempts.sent()).isEqualTo(1);
		assertThat(attempts.possibleDuplicate()).isFalse();
	}

	@Test
	void aSubmitAnsweredInTheEnvelopeShapeGivesTheTaskAndTheCreditFigures() {
		api.stubFor(post(GENERATE).willReturn(json(200, """
				{"success": true, "data": {"id": "task_env1", "status": "pending",
				 "model": "flux-2/pro-text-to-image", "creditsUsed": 20, "creditsRemaining": 480,
				 "createdAt": "2025-12-29T12:00:00Z"}}""")));
		FluxClient client = client(api);

		Task task = client.submit(textToImage("a red fox in the snow"), new SubmitAttempts());

		assertThat(task.id()).isEqualTo("task_env1");
		assertThat(task.status()).isEqualTo(TaskStatus.PENDING);
		assertThat(task.creditsUsed()).isEqualTo(20L);
		assertThat(task.creditsRemaining()).isEqualTo(480L);
		assertThat(client.usage().creditsRemaining()).isEqualTo(480L);
	}

	@Test
	void theOptionsDialectSendsTheProductPagesBodyWithoutInputUrlsForTextToImage() {
		api.stubFor(post(GENERATE).willReturn(seedSubmitted("task_1")));

		client(api, RequestDialect.OPTIONS).submit(
				new GenerationRequest("flux-2/pro-text-to-image", "a luxury watch on marble", "2K", "1:1", List.of()),
				new SubmitAttempts());

		api.verify(1, postRequestedFor(urlEqualTo(GENERATE)).withRequestBody(equalToJson("""
				{"model": "flux-2/pro-text-to-image", "prompt": "a luxury watch on marble",
				 "options": {"resolution": "2K", "aspectRatio": "1:1"}}""")));
	}

	@Test
	void theOptionsDialectSendsTheInputUrlsOfAnImageToImageRequest() {
		api.stubFor(post(GENERATE).willReturn(seedSubmitted("task_1")));

		client(api, RequestDialect.OPTIONS).submit(
				new GenerationRequest(PRO_IMAGE_TO_IMAGE, "the same character in a futuristic city", "2K", "16:9",
						List.of("https://example.com/ref-1.jpg", "https://example.com/ref-2.jpg")),
				new SubmitAttempts());

		api.verify(1, postRequestedFor(urlEqualTo(GENERATE)).withRequestBody(equalToJson("""
				{"model": "flux-2/pro-image-to-image", "prompt": "the same character in a futuristic city",
				 "options": {"resolution": "2K", "aspectRatio": "16:9",
				  "inputUrls": ["https://example.com/ref-1.jpg", "https://example.com/ref-2.jpg"]}}""")));
	}

	@Test
	void theInputDialectSendsTheNewerPagesBodyWithTheModelSpelledWithADash() {
		api.stubFor(post(GENERATE).willReturn(seedSubmitted("task_1")));

		client(api, RequestDialect.INPUT).submit(new GenerationRequest(PRO_IMAGE_TO_IMAGE,
				"the same character in a futuristic city", "1K", "3:4", List.of("https://example.com/ref-1.jpg")),
				new SubmitAttempts());

		api.verify(1, postRequestedFor(urlEqualTo(GENERATE)).withRequestBody(equalToJson("""
				{"model": "flux-2-pro-image-to-image",
				 "input": {"prompt": "the same character in a futuristic city", "resolution": "1K",
				  "aspect_ratio": "3:4", "input_urls": ["https://example.com/ref-1.jpg"]}}""")));
	}

	@Test
	void theInputDialectLeavesOutInputUrlsForTextToImage() {
		api.stubFor(post(GENERATE).willReturn(seedSubmitted("task_1")));

		client(api, RequestDialect.INPUT).submit(textToImage("a red fox in the snow"), new SubmitAttempts());

		api.verify(1, postRequestedFor(urlEqualTo(GENERATE)).withRequestBody(equalToJson("""
				{"model": "flux-2-pro-text-to-image",
				 "input": {"prompt": "a red fox in the snow", "resolution": "1K", "aspect_ratio": "1:1"}}""")));
	}

	@Test
	void everySubmitCarriesTheBearerKeyAndAJsonContentType() {
		api.stubFor(post(GENERATE).willReturn(seedSubmitted("task_1")));

		client(api).submit(textToImage("a red fox in the snow"), new SubmitAttempts());

		api.verify(1, postRequestedFor(urlEqualTo(GENERATE)).withHeader("Authorization", equalTo("Bearer sk-test")));
		LoggedRequest sent = api.findAll(postRequestedFor(urlEqualTo(GENERATE))).get(0);
		assertThat(sent.getHeader("Content-Type")).startsWith("application/json");
	}

	@Test
	void aPromptBeyondAsciiArrivesByteForByteAsUtf8() {
		String prompt = "Crème brûlée à 5 € — 東京の夜景, 🦊 im Schnee, ½ Größe";
		api.stubFor(post(GENERATE).willReturn(seedSubmitted("task_1")));

		client(api).submit(textToImage(prompt), new SubmitAttempts());

		byte[] body = api.findAll(postRequestedFor(urlEqualTo(GENERATE))).get(0).getBody();
		JsonNode sent = JsonMapper.builder().build().readTree(body);
		assertThat(sent.get("prompt").asString()).isEqualTo(prompt);
		assertThat(new String(body, StandardCharsets.UTF_8)).contains(prompt);
		// Latin-1 maps each byte to one char, so this compares the raw bytes.
		assertThat(new String(body, StandardCharsets.ISO_8859_1))
			.contains(new String(prompt.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
	}

}
