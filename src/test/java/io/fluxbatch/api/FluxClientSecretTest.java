package io.fluxbatch.api;

import java.util.function.Consumer;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static io.fluxbatch.api.FluxApiStub.GENERATE;
import static io.fluxbatch.api.FluxApiStub.KEY;
import static io.fluxbatch.api.FluxApiStub.client;
import static io.fluxbatch.api.FluxApiStub.error;
import static io.fluxbatch.api.FluxApiStub.json;
import static io.fluxbatch.api.FluxApiStub.taskPath;
import static io.fluxbatch.api.FluxApiStub.textToImage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The key goes in the Authorization header and nowhere a log or results file could show
 * it.
 */
class FluxClientSecretTest {

	@RegisterExtension
	static final WireMockExtension api = FluxApiStub.server();

	@Test
	void theKeysTextFormDoesNotShowIt() {
		ApiKey key = new ApiKey(KEY);

		assertThat(key.toString()).doesNotContain(KEY).doesNotContain("test");
		assertThat(String.valueOf(key)).doesNotContain(KEY);
		assertThat(key.value()).isEqualTo(KEY);
	}

	@Test
	void aRejectedRequestDoesNotShowTheKey() {
		assertNoKeyIn(submitFailure(error(400, "INVALID_PROMPT", "Prompt must be between 3 and 5000 characters")));
	}

	@Test
	void anAuthenticationFailureDoesNotShowTheKey() {
		assertNoKeyIn(submitFailure(error(401, "INVALID_API_KEY", "Unknown API key")));
	}

	@Test
	void anInsufficientCreditsFailureDoesNotShowTheKey() {
		assertNoKeyIn(submitFailure(error(402, "INSUFFICIENT_CREDITS", "Top up your account")));
	}

	@Test
	void anExhaustedQuotaDoesNotShowTheKey() {
		ApiException failure = submitFailure(
				error(429, "RATE_LIMITED", "Daily limit reached; resets at 2026-11-26T00:00:00Z")
					.withHeader("X-RateLimit-Remaining", "0"));

		assertThat(failure).isInstanceOf(QuotaExhaustedException.class);
		assertNoKeyIn(failure);
	}

	@Test
	void persistentServerErrorsDoNotShowTheKey() {
		ApiException failure = submitFailure(error(500, "INTERNAL_ERROR", "Something went wrong"));

		assertThat(failure).isInstanceOf(TransientApiException.class);
		assertNoKeyIn(failure);
	}

	@Test
	void aLostConnectionDoesNotShowTheKey() {
		ApiException failure = submitFailure(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

		assertThat(failure).isInstanceOf(TransientApiException.class);
		assertNoKeyIn(failure);
	}

	@Test
	void anUnreachableApiDoesNotShowTheKey() {
		FluxClient unreachable = new FluxClient(
				FluxApiStub.properties(api, RequestDialect.OPTIONS).withBaseUrl("http://127.0.0.1:1/api/v1"),
				new ApiKey(KEY), tools.jackson.databind.json.JsonMapper.builder().build());

		TransientApiException failure = catchThrowableOfType(TransientApiException.class,
				() -> unreachable.submit(textToImage("a red fox"), new SubmitAttempts()));

		assertThat(failure).isNotNull();
		assertThat(failure.code()).isEqualTo("CONNECTION_FAILED");
		assertThat(failure.mayHaveReachedServer()).isFalse();
		assertNoKeyIn(failure);
	}

	@Test
	void anUnreadableAnswerDoesNotShowTheKey() {
		api.stubFor(get(taskPath("task_1")).willReturn(json(200, "not json")));

		ApiProtocolException failure = catchThrowableOfType(ApiProtocolException.class,
				() -> client(api).task("task_1"));

		assertNoKeyIn(failure);
	}

	private static ApiException submitFailure(ResponseDefinitionBuilder answer) {
		api.stubFor(post(GENERATE).willReturn(answer));
		ApiException failure = catchThrowableOfType(ApiException.class,
				() -> client(api).submit(textToImage("a red fox"), new SubmitAttempts()));
		assertThat(failure).isNotNull();
		return failure;
	}

	private static void assertNoKeyIn(ApiException failure) {
		assertThat(failure).isNotNull();
		assertThat(failure.describe()).doesNotContain(KEY);
		Consumer<Throwable> noKey = (throwable) -> {
			assertThat(String.valueOf(throwable.getMessage())).doesNotContain(KEY);
			assertThat(throwable.toString()).doesNotContain(KEY);
		};
		for (Throwable throwable = failure; throwable != null; throwable = throwable.getCause()) {
			noKey.accept(throwable);
		}
	}

}
