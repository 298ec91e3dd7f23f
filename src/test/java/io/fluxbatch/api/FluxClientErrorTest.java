package io.fluxbatch.api;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.fluxbatch.api.FluxApiStub.GENERATE;
import static io.fluxbatch.api.FluxApiStub.client;
import static io.fluxbatch.api.FluxApiStub.error;
import static io.fluxbatch.api.FluxApiStub.json;
import static io.fluxbatch.api.FluxApiStub.taskPath;
import static io.fluxbatch.api.FluxApiStub.textToImage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Answers that no retry can change: the call fails at once, after a single request. */
class FluxClientErrorTest {

	@RegisterExtension
	static final WireMockExtension api = FluxApiStub.server();

	@Test
	void anInvalidPromptIsRejectedWithTheApisReasonAndNotSentAgain() {
		api.stubFor(post(GENERATE)
			.willReturn(error(400, "INVALID_PROMPT", "Prompt must be between 3 and 5000 characters")));
		SubmitAttempts attempts = new SubmitAttempts();

		assertThatExceptionOfType(RejectedRequestException.class)
			.isThrownBy(() -> client(api).submit(textToImage("a red fox"), attempts))
			.withMessage("Prompt must be between 3 and 5000 characters")
			.satisfies((rejected) -> {
				assertThat(rejected.httpStatus()).isEqualTo(400);
				assertThat(rejected.code()).isEqualTo("INVALID_PROMPT");
				assertThat(rejected.describe())
					.isEqualTo("INVALID_PROMPT: Prompt must be between 3 and 5000 characters");
			});
		api.verify(1, postRequestedFor(urlEqualTo(GENERATE)));
		assertThat(attempts.sent()).isEqualTo(1);
		assertThat(attempts.possibleDuplicate()).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "MISSING_AUTH_HEADER", "INVALID_AUTH_FORMAT", "INVALID_KEY_FORMAT", "INVALID_API_KEY" })
	void everyUnauthorizedCodeIsAnAuthenticationFailureSentOnlyOnce(String code) {
		api.stubFor(post(GENERATE).willReturn(error(401, code, "The API key was not accepted")));

		assertThatExceptionOfType(AuthenticationException.class)
			.isThrownBy(() -> client(api).submit(textToImage("a red fox"), new SubmitAttempts()))
			.withMessage("The API key was not accepted")
			.satisfies((failure) -> {
				assertThat(failure.httpStatus()).isEqualTo(401);
				assertThat(failure.code()).isEqualTo(code);
			});
		api.verify(1, postRequestedFor(urlEqualTo(GENERATE)));
	}

	@Test
	void anUnauthorizedPollIsNotRetriedEither() {
		api.stubFor(get(taskPath("task_1")).willReturn(error(401, "INVALID_API_KEY", "Unknown API key")));

		assertThatExceptionOfType(AuthenticationException.class).isThrownBy(() -> client(api).task("task_1"));
		api.verify(1, getRequestedFor(urlEqualTo(taskPath("task_1"))));
	}

	@Test
	void insufficientCreditsStopTheSubmitAfterOneRequest() {
		api.stubFor(post(GENERATE).willReturn(error(402, "INSUFFICIENT_CREDITS", "You need 20 credits but have 5")));
		SubmitAttempts attempts = new SubmitAttempts();

		assertThatExceptionOfType(InsufficientCreditsException.class)
			.isThrownBy(() -> client(api).submit(textToImage("a red fox"), attempts))
			.withMessage("You need 20 credits but have 5")
			.satisfies((failure) -> {
				assertThat(failure.httpStatus()).isEqualTo(402);
				assertThat(failure.code()).isEqualTo("INSUFFICIENT_CREDITS");
			});
		api.verify(1, postRequestedFor(urlEqualTo(GENERATE)));
		assertThat(attempts.possibleDuplicate()).isFalse();
	}

	@Test
	void aForbiddenTaskIsRejected() {
		api.stubFor(
				get(taskPath("task_other")).willReturn(error(403, "FORBIDDEN", "This task belongs to another user")));

		assertThatExceptionOfType(RejectedRequestException.class).isThrownBy(() -> client(api).task("task_other"))
			.withMessage("This task belongs to another user")
			.satisfies((rejected) -> {
				assertThat(rejected.httpStatus()).isEqualTo(403);
				assertThat(rejected.code()).isEqualTo("FORBIDDEN");
			});
		api.verify(1, getRequestedFor(urlEqualTo(taskPath("task_other"))));
	}

	@Test
	void anUnknownTaskIsRejected() {
		api.stubFor(get(taskPath("task_gone")).willReturn(error(404, "TASK_NOT_FOUND", "Task not found")));

		assertThatExceptionOfType(RejectedRequestException.class).isThrownBy(() -> client(api).task("task_gone"))
			.withMessage("Task not found")
			.satisfies((rejected) -> {
				assertThat(rejected.httpStatus()).isEqualTo(404);
				assertThat(rejected.code()).isEqualTo("TASK_NOT_FOUND");
			});
		api.verify(1, getRequestedFor(urlEqualTo(taskPath("task_gone"))));
	}

	@Test
	void anErrorWithoutAnErrorBodyIsNamedAfterItsHttpStatus() {
		api.stubFor(get(taskPath("task_1")).willReturn(json(404, "<html>Not Found</html>")));

		assertThatExceptionOfType(RejectedRequestException.class).isThrownBy(() -> client(api).task("task_1"))
			.satisfies((rejected) -> {
				assertThat(rejected.code()).isEqualTo("HTTP_404");
				assertThat(rejected.getMessage()).isEqualTo("HTTP status 404");
			});
	}

	@Test
	void theDailyQuotaStopsTheCallAndSaysWhenItResets() {
		api.stubFor(post(GENERATE)
			.willReturn(error(429, "RATE_LIMITED", "Daily limit reached; resets at 2026-11-26T00:00:00Z")
				.withHeader("X-RateLimit-Limit", "100")
				.withHeader("X-RateLimit-Remaining", "0")
				.withHeader("X-RateLimit-Reset", "2026-11-26T00:00:00Z")));
		FluxClient client = client(api);
		SubmitAttempts attempts = new SubmitAttempts();

		assertThatExceptionOfType(QuotaExhaustedException.class)
			.isThrownBy(() -> client.submit(textToImage("a red fox"), attempts))
			.satisfies((exhausted) -> {
				assertThat(exhausted.httpStatus()).isEqualTo(429);
				assertThat(exhausted.code()).isEqualTo("RATE_LIMITED");
				assertThat(exhausted.resetsAt()).isEqualTo("2026-11-26T00:00:00Z");
			});
		api.verify(1, postRequestedFor(urlEqualTo(GENERATE)));
		assertThat(attempts.possibleDuplicate()).isFalse();
		assertThat(client.usage().rateLimited()).isEqualTo(1);
		assertThat(client.usage().quotaRemaining()).isEqualTo("0");
	}

	@Test
	void theDailyQuotaTakesItsResetTimeFromTheHeaderWhenTheMessageNamesNone() {
		api.stubFor(get(taskPath("task_1"))
			.willReturn(error(429, "RATE_LIMITED", "Rate limit exceeded").withHeader("X-RateLimit-Remaining", "0")
				.withHeader("X-RateLimit-Reset", "2026-11-26T00:00:00Z")));

		assertThatExceptionOfType(QuotaExhaustedException.class).isThrownBy(() -> client(api).task("task_1"))
			.satisfies((exhausted) -> assertThat(exhausted.resetsAt()).isEqualTo("2026-11-26T00:00:00Z"));
		api.verify(1, getRequestedFor(urlEqualTo(taskPath("task_1"))));
	}

	@Test
	void aSuccessfulStatusWhoseBodyIsNotJsonIsAProtocolError() {
		api.stubFor(get(taskPath("task_1")).willReturn(json(200, "<html><body>Maintenance</body></html>")));

		assertThatExceptionOfType(ApiProtocolException.class).isThrownBy(() -> client(api).task("task_1"))
			.satisfies((failure) -> assertThat(failure.code()).isEqualTo("UNREADABLE_RESPONSE"));
		api.verify(1, getRequestedFor(urlEqualTo(taskPath("task_1"))));
	}

	@Test
	void anUnreadableSubmitAnswerIsNotSentAgainButMayStandForATask() {
		api.stubFor(post(GENERATE).willReturn(json(200, "not json at all")));
		SubmitAttempts attempts = new SubmitAttempts();

		assertThatExceptionOfType(ApiProtocolException.class)
			.isThrownBy(() -> client(api).submit(textToImage("a red fox"), attempts));
		api.verify(1, postRequestedFor(urlEqualTo(GENERATE)));
		assertThat(attempts.sent()).isEqualTo(1);
		assertThat(attempts.possibleDuplicate()).isTrue();
	}

	@Test
	void aSubmitAnswerWithoutATaskIdIsAProtocolError() {
		api.stubFor(post(GENERATE).willReturn(json(200, """
				{"status": "pending", "model": "flux-2/pro-text-to-image"}""")));

		assertThatExceptionOfType(ApiProtocolException.class)
			.isThrownBy(() -> client(api).submit(textToImage("a red fox"), new SubmitAttempts()))
			.withMessageContaining("task id");
	}

	@Test
	void aSuccessfulStatusWithAFailureEnvelopeIsTheFailureItNames() {
		api.stubFor(post(GENERATE).willReturn(json(200, """
				{"success": false, "error": {"code": "INVALID_PROMPT", "message": "Prompt is too short"}}""")));
		SubmitAttempts attempts = new SubmitAttempts();

		assertThatExceptionOfType(RejectedRequestException.class)
			.isThrownBy(() -> client(api).submit(textToImage("a red fox"), attempts))
			.withMessage("Prompt is too short")
			.satisfies((rejected) -> assertThat(rejected.code()).isEqualTo("INVALID_PROMPT"));
		api.verify(1, postRequestedFor(urlEqualTo(GENERATE)));
		assertThat(attempts.possibleDuplicate()).isFalse();
	}

	@Test
	void aSuccessfulStatusWithAnInsufficientCreditsEnvelopeStopsLikeA402() {
		api.stubFor(post(GENERATE).willReturn(json(200, """
				{"success": false, "error": {"code": "INSUFFICIENT_CREDITS", "message": "Top up your account"}}""")));

		assertThatExceptionOfType(InsufficientCreditsException.class)
			.isThrownBy(() -> client(api).submit(textToImage("a red fox"), new SubmitAttempts()))
			.satisfies((failure) -> assertThat(failure.code()).isEqualTo("INSUFFICIENT_CREDITS"));
		api.verify(1, postRequestedFor(urlEqualTo(GENERATE)));
	}

	@Test
	void aSuccessfulStatusWithAnInvalidKeyEnvelopeIsAnAuthenticationFailure() {
		api.stubFor(get(taskPath("task_1")).willReturn(json(200, """
				{"success": false, "error": {"code": "INVALID_API_KEY", "message": "Unknown API key"}}""")));

		assertThatExceptionOfType(AuthenticationException.class).isThrownBy(() -> client(api).task("task_1"));
	}

	@Test
	void aFailureEnvelopeIsRecognisedWhateverTheOrderOfItsFields() {
		api.stubFor(post(GENERATE).willReturn(json(200, """
				{"error": {"code": "INVALID_PROMPT", "message": "Prompt must be between 3 and 5000 characters"},
				 "success": false}""")));
		SubmitAttempts attempts = new SubmitAttempts();

		assertThatExceptionOfType(RejectedRequestException.class)
			.isThrownBy(() -> client(api).submit(textToImage("a red fox"), attempts))
			.satisfies((rejected) -> assertThat(rejected.code()).isEqualTo("INVALID_PROMPT"));
		assertThat(attempts.possibleDuplicate()).isFalse();
	}

}
