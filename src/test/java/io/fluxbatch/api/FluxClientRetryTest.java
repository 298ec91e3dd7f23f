package io.fluxbatch.api;

import java.time.Duration;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.fluxbatch.api.FluxApiStub.GENERATE;
import static io.fluxbatch.api.FluxApiStub.MAX_ATTEMPTS;
import static io.fluxbatch.api.FluxApiStub.client;
import static io.fluxbatch.api.FluxApiStub.error;
import static io.fluxbatch.api.FluxApiStub.seedSubmitted;
import static io.fluxbatch.api.FluxApiStub.seedTask;
import static io.fluxbatch.api.FluxApiStub.taskPath;
import static io.fluxbatch.api.FluxApiStub.textToImage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Answers that may pass: the call is made again, up to the configured attempts. */
class FluxClientRetryTest {

	@RegisterExtension
	static final WireMockExtension api = FluxApiStub.server();

	@Test
	void aBurstRateLimitWithRetryAfterIsWaitedOutAndCounted() {
		submitAnswersOnceThenSucceeds(error(429, "RATE_LIMITED", "Too many requests").withHeader("Retry-After", "0"));
		FluxClient client = client(api);
		SubmitAttempts attempts = new SubmitAttempts();

		Task task = client.submit(textToImage("a red fox"), attempts);

		assertThat(task.id()).isEqualTo("task_ok");
		api.verify(2, postRequestedFor(urlEqualTo(GENERATE)));
		assertThat(client.usage().rateLimited()).isEqualTo(1);
		assertThat(attempts.sent()).isEqualTo(2);
		assertThat(attempts.possibleDuplicate()).isFalse();
	}

	@Test
	void aBurstRateLimitedPollIsRetriedToo() {
		api.stubFor(get(taskPath("task_1")).inScenario("poll")
			.whenScenarioStateIs(STARTED)
			.willReturn(error(429, "RATE_LIMITED", "Too many requests").withHeader("Retry-After", "0"))
			.willSetStateTo("recovered"));
		api.stubFor(get(taskPath("task_1")).inScenario("poll")
			.whenScenarioStateIs("recovered")
			.willReturn(seedTask("task_1", "processing")));
		FluxClient client = client(api);

		Task task = client.task("task_1");

		assertThat(task.status()).isEqualTo(TaskStatus.PROCESSING);
		api.verify(2, getRequestedFor(urlEqualTo(taskPath("task_1"))));
		assertThat(client.usage().rateLimited()).isEqualTo(1);
	}

	@Test
	void anInternalErrorOnSubmitIsRetriedAndFlaggedAsAPossibleDuplicate() {
		submitAnswersOnceThenSucceeds(error(500, "INTERNAL_ERROR", "Something went wrong"));
		SubmitAttempts attempts = new SubmitAttempts();

		Task task = client(api).submit(textToImage("a red fox"), attempts);

		assertThat(task.id()).isEqualTo("task_ok");
		assertThat(attempts.sent()).isEqualTo(2);
		assertThat(attempts.possibleDuplicate()).isTrue();
		api.verify(2, postRequestedFor(urlEqualTo(GENERATE)));
	}

	@Test
	void aServiceUnavailableOnSubmitIsRetriedWithoutFlaggingADuplicate() {
		submitAnswersOnceThenSucceeds(error(503, "SERVICE_UNAVAILABLE", "Try again later"));
		SubmitAttempts attempts = new SubmitAttempts();

		Task task = client(api).submit(textToImage("a red fox"), attempts);

		assertThat(task.id()).isEqualTo("task_ok");
		assertThat(attempts.sent()).isEqualTo(2);
		assertThat(attempts.possibleDuplicate()).isFalse();
	}

	@Test
	void serverErrorsEveryTimeFailTransientlyAfterExactlyTheConfiguredAttempts() {
		api.stubFor(post(GENERATE).willReturn(error(500, "INTERNAL_ERROR", "Something went wrong")));
		SubmitAttempts attempts = new SubmitAttempts();

		assertThatExceptionOfType(TransientApiException.class)
			.isThrownBy(() -> client(api).submit(textToImage("a red fox"), attempts))
			.satisfies((failure) -> {
				assertThat(failure.httpStatus()).isEqualTo(500);
				assertThat(failure.code()).isEqualTo("INTERNAL_ERROR");
				assertThat(failure.mayHaveReachedServer()).isTrue();
			});
		api.verify(MAX_ATTEMPTS, postRequestedFor(urlEqualTo(GENERATE)));
		assertThat(attempts.sent()).isEqualTo(MAX_ATTEMPTS);
		assertThat(attempts.possibleDuplicate()).isTrue();
	}

	@Test
	void aPollThatKeepsFailingGivesUpAfterExactlyTheConfiguredAttempts() {
		api.stubFor(get(taskPath("task_1")).willReturn(error(502, "BAD_GATEWAY", "Upstream failed")));

		assertThatExceptionOfType(TransientApiException.class).isThrownBy(() -> client(api).task("task_1"))
			.satisfies((failure) -> assertThat(failure.httpStatus()).isEqualTo(502));
		api.verify(MAX_ATTEMPTS, getRequestedFor(urlEqualTo(taskPath("task_1"))));
	}

	@Test
	void aDroppedConnectionOnSubmitIsRetriedAndFlaggedAsAPossibleDuplicate() {
		submitAnswersOnceThenSucceeds(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
		SubmitAttempts attempts = new SubmitAttempts();

		Task task = client(api).submit(textToImage("a red fox"), attempts);

		assertThat(task.id()).isEqualTo("task_ok");
		assertThat(attempts.sent()).isEqualTo(2);
		assertThat(attempts.possibleDuplicate()).isTrue();
		api.verify(2, postRequestedFor(urlEqualTo(GENERATE)));
	}

	@Test
	void connectionsDroppedEveryTimeFailAsALostConnection() {
		api.stubFor(post(GENERATE).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		SubmitAttempts attempts = new SubmitAttempts();

		assertThatExceptionOfType(TransientApiException.class)
			.isThrownBy(() -> client(api).submit(textToImage("a red fox"), attempts))
			.satisfies((failure) -> {
				assertThat(failure.httpStatus()).isZero();
				assertThat(failure.code()).isEqualTo("CONNECTION_LOST");
				assertThat(failure.mayHaveReachedServer()).isTrue();
			});
		assertThat(attempts.sent()).isEqualTo(MAX_ATTEMPTS);
		assertThat(attempts.possibleDuplicate()).isTrue();
	}

	@Test
	void aBurstRateLimitWithoutRetryAfterIsRetriedWithBackoff() {
		submitAnswersOnceThenSucceeds(
				error(429, "RATE_LIMITED", "Too many requests, slow down").withHeader("X-RateLimit-Remaining", "37"));
		FluxClient client = client(api);

		Task task = client.submit(textToImage("a red fox"), new SubmitAttempts());

		assertThat(task.id()).isEqualTo("task_ok");
		api.verify(2, postRequestedFor(urlEqualTo(GENERATE)));
		assertThat(client.usage().rateLimited()).isEqualTo(1);
	}

	@Test
	void aSubmitWhoseAnswerComesTooLateIsRetriedAndFlaggedAsAPossibleDuplicate() {
		submitAnswersOnceThenSucceeds(seedSubmitted("task_late").withFixedDelay(2_000));
		FluxApiProperties properties = FluxApiStub.properties(api, RequestDialect.OPTIONS);
		FluxClient client = new FluxClient(
				new FluxApiProperties(properties.baseUrl(), properties.dialect(), properties.connectTimeout(),
						Duration.ofMillis(300), properties.requestsPerSecond(), properties.retry(),
						properties.circuitBreaker(), properties.maxAnswerSize(), properties.maxCreditsPerImage(), 0),
				new ApiKey(FluxApiStub.KEY), JsonMapper.builder().build());
		SubmitAttempts attempts = new SubmitAttempts();

		Task task = client.submit(textToImage("a red fox"), attempts);

		assertThat(task.id()).isEqualTo("task_ok");
		assertThat(attempts.sent()).isEqualTo(2);
		assertThat(attempts.possibleDuplicate()).isTrue();
	}

	@Test
	void anApiThatKeepsFailingIsGivenUpOnOnceTheCircuitHasStayedOpenLongerThanConfigured() {
		api.stubFor(post(GENERATE).willReturn(error(500, "INTERNAL_ERROR", "Something went wrong")));
		FluxApiProperties properties = FluxApiStub.properties(api, RequestDialect.OPTIONS);
		FluxClient client = new FluxClient(
				new FluxApiProperties(properties.baseUrl(), properties.dialect(), properties.connectTimeout(),
						properties.readTimeout(), properties.requestsPerSecond(), properties.retry(),
						new FluxApiProperties.CircuitBreaker(50, 2, Duration.ofMillis(20), Duration.ofMillis(60)),
						properties.maxAnswerSize(), properties.maxCreditsPerImage(), 0),
				new ApiKey(FluxApiStub.KEY), JsonMapper.builder().build());

		assertThatExceptionOfType(TransientApiException.class)
			.isThrownBy(() -> client.submit(textToImage("a red fox"), new SubmitAttempts()))
			.satisfies((failure) -> assertThat(failure.code()).isEqualTo("API_UNAVAILABLE"));
		// While open, the breaker lets only a probe through now and then: the API is not
		// hammered.
		assertThat(api.findAll(postRequestedFor(urlEqualTo(GENERATE)))).hasSizeBetween(2, 20);
	}

	private static void submitAnswersOnceThenSucceeds(ResponseDefinitionBuilder first) {
		api.stubFor(post(GENERATE).inScenario("submit")
			.whenScenarioStateIs(STARTED)
			.willReturn(first)
			.willSetStateTo("recovered"));
		api.stubFor(post(GENERATE).inScenario("submit")
			.whenScenarioStateIs("recovered")
			.willReturn(seedSubmitted("task_ok")));
	}

}
