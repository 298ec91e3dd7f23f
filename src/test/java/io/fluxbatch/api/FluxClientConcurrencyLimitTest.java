package io.fluxbatch.api;

import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.fluxbatch.api.FluxApiStub.GENERATE;
import static io.fluxbatch.api.FluxApiStub.error;
import static io.fluxbatch.api.FluxApiStub.seedSubmitted;
import static io.fluxbatch.api.FluxApiStub.textToImage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Too many unfinished tasks: the submission is held until one is likely to have finished,
 * never counted as a failed attempt nor flagged as a possible duplicate.
 */
class FluxClientConcurrencyLimitTest {

	@RegisterExtension
	static final WireMockExtension api = FluxApiStub.server();

	@Test
	void aSubmissionRefusedForTooManyUnfinishedTasksIsHeldThenSent() {
		api.stubFor(post(GENERATE).inScenario("capped")
			.whenScenarioStateIs(STARTED)
			.willReturn(error(429, "CONCURRENCY_LIMIT", "Too many unfinished tasks"))
			.willSetStateTo("a task finished"));
		api.stubFor(post(GENERATE).inScenario("capped")
			.whenScenarioStateIs("a task finished")
			.willReturn(seedSubmitted("task_ok")));
		FluxClient client = FluxApiStub.client(api);
		SubmitAttempts attempts = new SubmitAttempts();

		Task task = client.submit(textToImage("a red fox"), attempts);

		assertThat(task.id()).isEqualTo("task_ok");
		assertThat(attempts.sent()).isEqualTo(2);
		assertThat(attempts.possibleDuplicate()).isFalse();
	}

	@Test
	void anApiThatRefusesNewTasksLongerThanConfiguredFailsTheCallAfterAFewWaits() {
		api.stubFor(post(GENERATE).willReturn(error(429, "CONCURRENCY_LIMIT", "Too many unfinished tasks")));
		FluxApiProperties properties = FluxApiStub.properties(api, RequestDialect.OPTIONS);
		FluxClient client = new FluxClient(
				new FluxApiProperties(properties.baseUrl(), properties.dialect(), properties.connectTimeout(),
						properties.readTimeout(), properties.requestsPerSecond(), properties.retry(),
						new FluxApiProperties.CircuitBreaker(50, 100, Duration.ofSeconds(10), Duration.ofMillis(1500)),
						properties.maxAnswerSize(), properties.maxCreditsPerImage(), 0),
				new ApiKey(FluxApiStub.KEY), JsonMapper.builder().build());

		assertThatExceptionOfType(TransientApiException.class)
			.isThrownBy(() -> client.submit(textToImage("a red fox"), new SubmitAttempts()))
			.satisfies((failure) -> assertThat(failure.code()).isEqualTo("CONCURRENCY_LIMIT"));
		// Held 0.5 s, 0.75 s, 1.1 s, then given up: a handful of POSTs, not a loop.
		assertThat(api.findAll(postRequestedFor(urlEqualTo(GENERATE)))).hasSizeBetween(3, 5);
	}

}
