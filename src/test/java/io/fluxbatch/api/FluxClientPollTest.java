package io.fluxbatch.api;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.fluxbatch.api.FluxApiStub.client;
import static io.fluxbatch.api.FluxApiStub.json;
import static io.fluxbatch.api.FluxApiStub.seedTask;
import static io.fluxbatch.api.FluxApiStub.taskPath;
import static org.assertj.core.api.Assertions.assertThat;

class FluxClientPollTest {

	@RegisterExtension
	static final WireMockExtension api = FluxApiStub.server();

	@ParameterizedTest(name = "{0} is {1}")
	@CsvSource({ "pending, PENDING", "queued, PENDING", "processing, PROCESSING", "completed, COMPLETED",
			"success, COMPLETED", "failed, FAILED" })
	void everyDocumentedStatusWordMapsToItsTaskStatus(String word, TaskStatus expected) {
		api.stubFor(get(taskPath("task_1")).willReturn(seedTask("task_1", word)));

		Task task = client(api).task("task_1");

		assertThat(task.id()).isEqualTo("task_1");
		assertThat(task.status()).isEqualTo(expected);
	}

	@Test
	void aPollAsksForTheTaskByIdWithTheBearerKey() {
		api.stubFor(get(taskPath("task_abc")).willReturn(seedTask("task_abc", "pending")));

		client(api).task("task_abc");

		api.verify(1, getRequestedFor(urlEqualTo("/api/v1/tasks/task_abc")).withHeader("Authorization",
				equalTo("Bearer sk-test")));
	}

	@Test
	void aCompletedTaskInTheSeedShapeGivesTheOutputUrlAndSize() {
		api.stubFor(get(taskPath("task_abc123xyz")).willReturn(json(200, """
				{"taskId": "task_abc123xyz", "status": "completed",
				 "output": {"url": "https://cdn.vicsee.com/outputs/image_xyz.png",
				  "width": 2048, "height": 2048, "format": "png"}}""")));

		Task task = client(api).task("task_abc123xyz");

		assertThat(task.status()).isEqualTo(TaskStatus.COMPLETED);
		assertThat(task.outputUrl()).isEqualTo("https://cdn.vicsee.com/outputs/image_xyz.png");
		assertThat(task.width()).isEqualTo(2048);
		assertThat(task.height()).isEqualTo(2048);
		assertThat(task.errorCode()).isNull();
	}

	@Test
	void aCompletedTaskInTheEnvelopeShapeGivesTheResultUrl() {
		api.stubFor(get(taskPath("task_env1")).willReturn(json(200, """
				{"success": true, "data": {"id": "task_env1", "status": "success", "mediaType": "image",
				 "prompt": "a red fox", "createdAt": "2025-12-29T12:00:00Z",
				 "result": {"url": "https://cdn.vicsee.com/outputs/env1.png", "type": "image/png"},
				 "error": null}}""")));

		Task task = client(api).task("task_env1");

		assertThat(task.id()).isEqualTo("task_env1");
		assertThat(task.status()).isEqualTo(TaskStatus.COMPLETED);
		assertThat(task.outputUrl()).isEqualTo("https://cdn.vicsee.com/outputs/env1.png");
		assertThat(task.width()).isNull();
		assertThat(task.height()).isNull();
		assertThat(task.errorCode()).isNull();
		assertThat(task.errorMessage()).isNull();
	}

	@Test
	void aFailedTaskCarriesTheApisErrorCodeAndMessage() {
		api.stubFor(get(taskPath("task_bad")).willReturn(json(200, """
				{"success": true, "data": {"id": "task_bad", "status": "failed", "result": null,
				 "error": {"code": "IMAGE_TOO_LARGE", "key": "image_too_large",
				  "message": "The requested image is too large"}}}""")));

		Task task = client(api).task("task_bad");

		assertThat(task.status()).isEqualTo(TaskStatus.FAILED);
		assertThat(task.errorCode()).isEqualTo("IMAGE_TOO_LARGE");
		assertThat(task.errorMessage()).isEqualTo("The requested image is too large");
		assertThat(task.failure()).isEqualTo("IMAGE_TOO_LARGE: The requested image is too large");
		assertThat(task.outputUrl()).isNull();
	}

	@Test
	void aFailedTaskInTheSeedShapeCarriesItsErrorToo() {
		api.stubFor(get(taskPath("task_bad")).willReturn(json(200, """
				{"taskId": "task_bad", "status": "failed",
				 "error": {"code": "GENERATION_FAILED", "message": "The model could not render this prompt"}}""")));

		Task task = client(api).task("task_bad");

		assertThat(task.status()).isEqualTo(TaskStatus.FAILED);
		assertThat(task.failure()).isEqualTo("GENERATION_FAILED: The model could not render this prompt");
	}

	@Test
	void anUnknownStatusWordMeansNotFinishedYet() {
		api.stubFor(get(taskPath("task_1")).willReturn(seedTask("task_1", "generating")));

		Task task = client(api).task("task_1");

		assertThat(task.status()).isEqualTo(TaskStatus.PROCESSING);
		assertThat(task.status().isFinal()).isFalse();
		api.verify(1, getRequestedFor(urlEqualTo(taskPath("task_1"))));
	}

	@Test
	void aDownloadLinkIsReadFromTheDataEnvelope() {
		api.stubFor(get(taskPath("task_abc") + "/download").willReturn(json(200, """
				{"data": {"url": "https://cdn.vicsee.com/download/abc.png?sig=xyz", "type": "image/png",
				 "expiresAt": "2026-01-01T12:00:00Z"}}""")));

		DownloadLink link = client(api).downloadLink("task_abc");

		assertThat(link.url()).isEqualTo("https://cdn.vicsee.com/download/abc.png?sig=xyz");
		assertThat(link.expiresAt()).isEqualTo("2026-01-01T12:00:00Z");
		api.verify(1, getRequestedFor(urlEqualTo("/api/v1/tasks/task_abc/download")).withHeader("Authorization",
				equalTo("Bearer sk-test")));
	}

}
