package io.fluxbatch.api;

import java.net.URI;
import java.time.Duration;

import io.fluxbatch.HostileServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.unit.DataSize;

import static io.fluxbatch.HostileServer.json;
import static io.fluxbatch.api.FluxApiStub.KEY;
import static io.fluxbatch.api.FluxApiStub.MAX_ATTEMPTS;
import static io.fluxbatch.api.FluxApiStub.textToImage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * An API, or something in front of it, that does not keep to the vendor's pages: what it
 * answers may cost a rerun or a row, never the key, the night or a charge nobody sees.
 */
class FluxClientHostileApiTest {

	private final HostileServer api = HostileServer.start();

	private final HostileServer elsewhere = HostileServer.startOnAnotherHost();

	@AfterEach
	void close() {
		this.api.close();
		this.elsewhere.close();
	}

	@Test
	void aSubmitRedirectedToAnotherHostIsNotFollowedSoThatHostNeverSeesTheKey() {
		this.api.on("POST /api/v1/generate", HostileServer.redirectTo(307, this.elsewhere.origin() + "/steal"));
		this.elsewhere.on("POST /steal", (exchange) -> json(exchange, 200, "{\"taskId\": \"task_stolen\"}"));

		RejectedRequestException refused = catchThrowableOfType(RejectedRequestException.class,
				() -> client(Duration.ofSeconds(5)).submit(textToImage("a red fox"), new SubmitAttempts()));

		assertThat(this.elsewhere.received()).isEmpty();
		assertThat(refused.code()).isEqualTo("REDIRECT_REFUSED");
		assertThat(refused.describe()).contains("307", this.elsewhere.origin()).doesNotContain(KEY);
		assertThat(this.api.count("POST", "/api/v1/generate")).isEqualTo(1);
	}

	@Test
	void aPollRedirectedToAnotherHostIsNotFollowedSoThatHostNeverSeesTheKey() {
		this.api.on("GET /api/v1/tasks/task_1", HostileServer.redirectTo(302, this.elsewhere.origin() + "/steal"));

		RejectedRequestException refused = catchThrowableOfType(RejectedRequestException.class,
				() -> client(Duration.ofSeconds(5)).task("task_1"));

		assertThat(this.elsewhere.received()).isEmpty();
		assertThat(refused.describe()).contains("302").doesNotContain(KEY);
	}

	@Test
	void anEndlessAnswerIsAbandonedAtTheSizeCapAndCountsAsAPossibleCharge() {
		this.api.on("POST /api/v1/generate", HostileServer.endless(1_500_000_000L));
		SubmitAttempts attempts = new SubmitAttempts();

		ApiProtocolException unreadable = catchThrowableOfType(ApiProtocolException.class,
				() -> client(Duration.ofSeconds(30)).submit(textToImage("a red fox"), attempts));

		assertThat(unreadable.getMessage()).contains("longer than 1048576 bytes");
		assertThat(attempts.possibleDuplicate()).isTrue();
	}

	@Test
	void anAnswerShorterThanItsLengthSaysFailsAtTheDeadlineAndIsRetried() {
		this.api.on("GET /api/v1/tasks/task_1",
				this.api.stalls("application/json", "{\"taskId\": \"task_1\",".getBytes(), 5000));

		TransientApiException failure = catchThrowableOfType(TransientApiException.class,
				() -> client(Duration.ofMillis(300)).task("task_1"));

		assertThat(failure).isNotNull();
		assertThat(this.api.count("GET", "/api/v1/tasks/task_1")).isEqualTo(MAX_ATTEMPTS);
	}

	@Test
	void negativeCreditsAreNotMoneyButAnUnreadableAnswerThatMayHaveBeenCharged() {
		this.api.on("POST /api/v1/generate", (exchange) -> json(exchange, 200,
				"{\"success\": true, \"data\": {\"id\": \"task_1\", \"status\": \"pending\", \"creditsUsed\": -100000}}"));
		SubmitAttempts attempts = new SubmitAttempts();

		ApiProtocolException unreadable = catchThrowableOfType(ApiProtocolException.class,
				() -> client(Duration.ofSeconds(5)).submit(textToImage("a red fox"), attempts));

		assertThat(unreadable.getMessage()).contains("-100000", "0 to 75");
		assertThat(attempts.possibleDuplicate()).isTrue();
	}

	@Test
	void creditsTooLargeForAnyGenerationAreAnUnreadableAnswer() {
		this.api.on("POST /api/v1/generate", (exchange) -> json(exchange, 200,
				"{\"success\": true, \"data\": {\"id\": \"task_1\", \"status\": \"pending\", \"creditsUsed\": 1e30}}"));
		SubmitAttempts attempts = new SubmitAttempts();

		ApiProtocolException unreadable = catchThrowableOfType(ApiProtocolException.class,
				() -> client(Duration.ofSeconds(5)).submit(textToImage("a red fox"), attempts));

		assertThat(unreadable.getMessage()).contains("creditsUsed");
		assertThat(attempts.possibleDuplicate()).isTrue();
	}

	@Test
	void anUnknownStatusWordAtSubmitIsATaskNotFinishedYet() {
		this.api.on("POST /api/v1/generate",
				(exchange) -> json(exchange, 200, "{\"taskId\": \"task_1\", \"status\": \"generating\"}"));

		Task task = client(Duration.ofSeconds(5)).submit(textToImage("a red fox"), new SubmitAttempts());

		assertThat(task.id()).isEqualTo("task_1");
		assertThat(task.status().isFinal()).isFalse();
	}

	@Test
	void aLongErrorStartingWithATabOrCarriageReturnIsKeptShortAndOnOneLine() {
		String formula = "=HYPERLINK(\\\"http://evil.test\\\",\\\"x\\\")" + "x".repeat(5000);
		this.api.on("POST /api/v1/generate", (exchange) -> json(exchange, 400,
				"{\"success\": false, \"error\": {\"code\": \"\\tBAD\", \"message\": \"\\t\\r" + formula + "\"}}"));

		RejectedRequestException refused = catchThrowableOfType(RejectedRequestException.class,
				() -> client(Duration.ofSeconds(5)).submit(textToImage("a red fox"), new SubmitAttempts()));

		assertThat(refused.describe()).startsWith("BAD: =HYPERLINK").doesNotContain("\t", "\r").hasSizeLessThan(1100);
	}

	@Test
	void aTaskIdLongerThanAnyTheRowTableKeepsIsAnUnreadableAnswerThatMayHaveBeenCharged() {
		String id = "t".repeat(WireFormat.MAX_TASK_ID + 1);
		this.api.on("POST /api/v1/generate", (exchange) -> json(exchange, 200, "{\"taskId\": \"" + id + "\"}"));
		SubmitAttempts attempts = new SubmitAttempts();

		catchThrowableOfType(ApiProtocolException.class,
				() -> client(Duration.ofSeconds(5)).submit(textToImage("a red fox"), attempts));

		assertThat(attempts.possibleDuplicate()).isTrue();
	}

	@Test
	void aKeyWithALineBreakIsRefusedWithoutShowingIt() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ApiKey("sk-first-line\nsk-second-line"))
			.withMessageContaining("line break")
			.withMessageNotContaining("first-line")
			.withMessageNotContaining("second-line");
	}

	private FluxClient client(Duration readTimeout) {
		return new FluxClient(new FluxApiProperties(URI.create(this.api.origin() + "/api/v1"), RequestDialect.OPTIONS,
				Duration.ofSeconds(5), readTimeout, 1000.0,
				new FluxApiProperties.Retry(MAX_ATTEMPTS, Duration.ofMillis(1), Duration.ofMillis(5)),
				new FluxApiProperties.CircuitBreaker(50, 100, Duration.ofSeconds(10), Duration.ofMinutes(5)),
				DataSize.ofMegabytes(1), 75, 0), new ApiKey(KEY), JsonMapper.builder().build());
	}

}
