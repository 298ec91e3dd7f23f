package io.fluxbatch.api;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How the client talks to the API: where, in which dialect, how fast, and how it rides
 * out failures ({@code flux.api.*}).
 *
 * @param baseUrl the API's base URL, ending in {@code /api/v1}
 * @param dialect which of the two documented request bodies to send
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long one whole answer may take, from the request to its last
 * byte
 * @param requestsPerSecond the most requests a second of all kinds together (submits,
 * polls, download links), for an account shared with other tools; unset, the client finds
 * the API's own limit and paces itself just under it
 * @param retry retries of one call
 * @param circuitBreaker when to stop calling an API that keeps failing
 * @param maxAnswerSize the largest API answer read; a longer one is abandoned as
 * unreadable
 * @param maxCreditsPerImage the most one generation can cost; a {@code creditsUsed}
 * outside {@code 0..} this is unreadable, never money
 * @param dailyQuota the account's daily request quota (100 on Starter, 500 on Pro) for
 * the runs sharing the job database; 0 when the API's answers are to tell it
 */
@Validated
@ConfigurationProperties("flux.api")
public record FluxApiProperties(@DefaultValue("https://vicsee.com/api/v1") @NotNull URI baseUrl,
		@DefaultValue("OPTIONS") @NotNull RequestDialect dialect, @DefaultValue("5s") @NotNull Duration connectTimeout,
		@DefaultValue("30s") @NotNull Duration readTimeout,
		@DecimalMin("0.01") @DecimalMax("100000") Double requestsPerSecond, @DefaultValue @Valid Retry retry,
		@DefaultValue @Valid CircuitBreaker circuitBreaker, @DefaultValue("1MB") @NotNull DataSize maxAnswerSize,
		@DefaultValue("75") @Min(0) long maxCreditsPerImage, @DefaultValue("0") @Min(0) long dailyQuota) {

	/** The same settings, pointed elsewhere (the embedded simulator). */
	public FluxApiProperties withBaseUrl(String url) {
		return new FluxApiProperties(URI.create(url), this.dialect, this.connectTimeout, this.readTimeout,
				this.requestsPerSecond, this.retry, this.circuitBreaker, this.maxAnswerSize, this.maxCreditsPerImage,
				this.dailyQuota);
	}

	/**
	 * Retries of one call: exponential backoff with jitter, or the server's
	 * {@code Retry-After}.
	 *
	 * @param maxAttempts attempts in all, the first included
	 * @param initialBackoff the wait after the first failure
	 * @param maxBackoff the longest wait between two attempts
	 */
	public record Retry(@DefaultValue("6") @Min(1) int maxAttempts,
			@DefaultValue("500ms") @NotNull Duration initialBackoff,
			@DefaultValue("20s") @NotNull Duration maxBackoff) {
	}

	/**
	 * The circuit breaker in front of the API.
	 *
	 * @param failureRateThreshold the percentage of failed calls that opens it
	 * @param slidingWindowSize how many recent calls that percentage is taken over
	 * @param waitInOpenState how long it stays open before letting a few calls through
	 * @param giveUpAfter how long it may stay open (the API failing nearly every call)
	 * before the run fails, to be continued later by the same command
	 */
	public record CircuitBreaker(@DefaultValue("50") @DecimalMin("1") @DecimalMax("100") float failureRateThreshold,
			@DefaultValue("20") @Min(2) int slidingWindowSize, @DefaultValue("10s") @NotNull Duration waitInOpenState,
			@DefaultValue("5m") @NotNull Duration giveUpAfter) {
	}

}
