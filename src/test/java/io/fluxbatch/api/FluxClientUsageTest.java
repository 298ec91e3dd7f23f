package io.fluxbatch.api;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.fluxbatch.api.FluxApiStub.GENERATE;
import static io.fluxbatch.api.FluxApiStub.client;
import static io.fluxbatch.api.FluxApiStub.error;
import static io.fluxbatch.api.FluxApiStub.json;
import static io.fluxbatch.api.FluxApiStub.seedSubmitted;
import static io.fluxbatch.api.FluxApiStub.seedTask;
import static io.fluxbatch.api.FluxApiStub.taskPath;
import static io.fluxbatch.api.FluxApiStub.textToImage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FluxClientUsageTest {

	@RegisterExtension
	static final WireMockExtension api = FluxApiStub.server();

	@Test
	void aFreshClientHasSpentNothingAndKnowsNothingOfTheAccount() {
		ApiUsage usage = client(api).usage();

		assertThat(usage.requests()).isZero();
		assertThat(usage.rateLimited()).isZero();
		assertThat(usage.quotaRemaining()).isNull();
		assertThat(usage.quotaResetsAt()).isNull();
		assertThat(usage.creditsRemaining()).isNull();
	}

	@Test
	void theRateLimitHeadersOfTheLastAnswerAreRecorded() {
		api.stubFor(post(GENERATE).willReturn(seedSubmitted("task_1").withHeader("X-RateLimit-Limit", "500")
			.withHeader("X-RateLimit-Remaining", "42")
			.withHeader("X-RateLimit-Reset", "2026-11-26T00:00:00Z")));
		api.stubFor(get(taskPath("task_1"))
			.willReturn(seedTask("task_1", "processing").withHeader("X-RateLimit-Remaining", "41")
				.withHeader("X-RateLimit-Reset", "2026-11-26T00:00:00Z")));
		FluxClient client = client(api);

		client.submit(textToImage("a red fox"), new SubmitAttempts());
		assertThat(client.usage().quotaRemaining()).isEqualTo("42");
		assertThat(client.usage().quotaResetsAt()).isEqualTo("2026-11-26T00:00:00Z");

		client.task("task_1");
		assertThat(client.usage().quotaRemaining()).isEqualTo("41");
	}

	@Test
	void theRateLimitHeadersOfAFailedAnswerAreRecordedToo() {
		api.stubFor(get(taskPath("task_gone"))
			.willReturn(error(404, "TASK_NOT_FOUND", "Task not found").withHeader("X-RateLimit-Remaining", "7")));
		FluxClient client = client(api);

		assertThatExceptionOfType(RejectedRequestException.class).isThrownBy(() -> client.task("task_gone"));

		assertThat(client.usage().quotaRemaining()).isEqualTo("7");
		assertThat(client.usage().polls()).isEqualTo(1);
	}

	@Test
	void everyRequestIsCountedByKindRetriesIncluded() {
		api.stubFor(post(GENERATE).inScenario("submit")
			.whenScenarioStateIs(STARTED)
			.willReturn(error(500, "INTERNAL_ERROR", "Something went wrong"))
			.willSetStateTo("recovered"));
		api.stubFor(post(GENERATE).inScenario("submit")
			.whenScenarioStateIs("recovered")
			.willReturn(seedSubmitted("task_1")));
		api.stubFor(get(taskPath("task_1")).inScenario("poll")
			.whenScenarioStateIs(STARTED)
			.willReturn(error(503, "SERVICE_UNAVAILABLE", "Try again later"))
			.willSetStateTo("second"));
		api.stubFor(get(taskPath("task_1")).inScenario("poll")
			.whenScenarioStateIs("second")
			.willReturn(error(429, "RATE_LIMITED", "Too many requests").withHeader("Retry-After", "0"))
			.willSetStateTo("done"));
		api.stubFor(get(taskPath("task_1")).inScenario("poll")
			.whenScenarioStateIs("done")
			.willReturn(seedTask("task_1", "completed")));
		api.stubFor(get(taskPath("task_1") + "/download").willReturn(json(200, """
				{"data": {"url": "https://cdn.vicsee.com/d/1.png", "type": "image/png",
				 "expiresAt": "2026-01-01T00:00:00Z"}}""")));
		FluxClient client = client(api);

		client.submit(textToImage("a red fox"), new SubmitAttempts());
		client.task("task_1");
		client.downloadLink("task_1");

		ApiUsage usage = client.usage();
		assertThat(usage.submits()).isEqualTo(2);
		assertThat(usage.polls()).isEqualTo(3);
		assertThat(usage.downloadLinks()).isEqualTo(1);
		assertThat(usage.requests()).isEqualTo(6);
		assertThat(usage.rateLimited()).isEqualTo(1);
	}

	@Test
	void theCreditBalanceFollowsTheLatestEnvelope() {
		api.stubFor(post(GENERATE).inScenario("credits").whenScenarioStateIs(STARTED).willReturn(json(200, """
				{"success": true, "data": {"id": "task_1", "status": "pending",
				 "creditsUsed": 15, "creditsRemaining": 485}}""")).willSetStateTo("second"));
		api.stubFor(post(GENERATE).inScenario("credits").whenScenarioStateIs("second").willReturn(json(200, """
				{"success": true, "data": {"id": "task_2", "status": "pending",
				 "creditsUsed": 15, "creditsRemaining": 470}}""")));
		FluxClient client = client(api);

		client.submit(textToImage("a red fox"), new SubmitAttempts());
		assertThat(client.usage().creditsRemaining()).isEqualTo(485L);
		client.submit(textToImage("a grey wolf"), new SubmitAttempts());
		assertThat(client.usage().creditsRemaining()).isEqualTo(470L);
	}

}
