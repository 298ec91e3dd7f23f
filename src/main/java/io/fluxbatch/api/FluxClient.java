package io.fluxbatch.api;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * The FLUX.2 API as this product uses it: submit a generation, poll a task, get a fresh
 * download link. Every call is rate limited, retried when that can help, and sorted into
 * an {@link ApiException} when it fails.
 */
public class FluxClient {

	private static final Executor BODY_WRITERS = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
			new SynchronousQueue<>(), (task) -> {
				Thread thread = new Thread(task, "flux-api-body");
				thread.setDaemon(true);
				return thread;
			});

	private final RestClient rest;

	private final WireFormat wire;

	private final RequestDialect dialect;

	private final ApiResilience resilience;

	private final SubmitGate submitGate;

	private final ApiUsage usage = new ApiUsage();

	private final int maxAnswerBytes;

	private final AccountQuota quota;

	public FluxClient(FluxApiProperties properties, ApiKey key, ObjectMapper json) {
		this(properties, key, json, AccountQuota.UNSHARED);
	}

	/**
	 * @param quota the account's daily quota as the runs sharing it know it
	 */
	public FluxClient(FluxApiProperties properties, ApiKey key, ObjectMapper json, AccountQuota quota) {
		this(properties, key, json, quota, AccountPace.UNSHARED);
	}

	/**
	 * @param quota the account's daily quota as the runs sharing it know it
	 * @param pace the account's pace as the runs sharing it keep to it
	 */
	public FluxClient(FluxApiProperties properties, ApiKey key, ObjectMapper json, AccountQuota quota,
			AccountPace pace) {
		this(properties, key, json, quota, pace, Clock.systemUTC());
	}

	/**
	 * @param quota the account's daily quota as the runs sharing it know it
	 * @param pace the account's pace as the runs sharing it keep to it
	 * @param clock what the pace, the circuit breaker and a dated Retry-After are read
	 * against
	 */
	public FluxClient(FluxApiProperties properties, ApiKey key, ObjectMapper json, AccountQuota quota, AccountPace pace,
			Clock clock) {
		this.quota = quota;
		HttpClient http = HttpClient.newBuilder()
			.connectTimeout(properties.connectTimeout())
			// The key is a header of every request: a redirect followed would hand it to
			// whichever host the answer names. A 3xx is refused instead (WireFormat).
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		// Spring writes each request body from a task of this executor; its default
		// starts a new thread per POST, which at hundreds of submits a second is most of
		// their cost.
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http, BODY_WRITERS);
		// Spring closes the answer's body once this has passed since the request left,
		// so it bounds the whole answer, not only the arrival of its headers.
		requests.setReadTimeout(properties.readTimeout());
		String baseUrl = properties.baseUrl().toString().replaceAll("/+$", "");
		this.rest = RestClient.builder()
			.baseUrl(baseUrl)
			.requestFactory(requests)
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + key.value())
			.defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
			.build();
		this.wire = new WireFormat(json, properties.maxCreditsPerImage(), clock);
		this.maxAnswerBytes = (int) Math.min(Integer.MAX_VALUE - 8, properties.maxAnswerSize().toBytes());
		this.dialect = properties.dialect();
		this.resilience = new ApiResilience(properties, clock, pace);
		this.submitGate = new SubmitGate(clock, properties.circuitBreaker().giveUpAfter());
	}

	/**
	 * Asks for one image. {@code attempts} records every POST sent, and whether one may
	 * have created a task whose answer was lost, also when this method throws.
	 */
	public Task submit(GenerationRequest request, SubmitAttempts attempts) {
		String body = this.wire.write(this.dialect.body(request));
		return this.submitGate.submit(() -> this.resilience.callGivingWay(() -> {
			attempts.sending();
			this.usage.countSubmit();
			try {
				Task task = exchange(
						this.rest.post().uri("/generate").contentType(MediaType.APPLICATION_JSON).body(body),
						this.wire::task);
				this.usage.observeCredits(task.creditsRemaining());
				return task;
			}
			catch (TransientApiException failure) {
				if (failure.mayHaveReachedServer()) {
					attempts.lostAnswer();
				}
				throw failure;
			}
			catch (ApiProtocolException unreadable) {
				// A 2xx we cannot read may well stand for a task that exists.
				attempts.lostAnswer();
				throw unreadable;
			}
		}), attempts::concurrencyLimited);
	}

	/** The task's current state ({@code GET /tasks/{id}}). */
	public Task task(String taskId) {
		return this.resilience.call(() -> {
			this.usage.countPoll();
			return exchange(this.rest.get().uri("/tasks/{id}", taskId), this.wire::task);
		});
	}

	/** A fresh URL for a completed task's image ({@code GET /tasks/{id}/download}). */
	public DownloadLink downloadLink(String taskId) {
		return this.resilience.call(() -> {
			this.usage.countDownloadLink();
			return exchange(this.rest.get().uri("/tasks/{id}/download", taskId), this.wire::downloadLink);
		});
	}

	/**
	 * What the account's daily quota has left: {@code X-RateLimit-Remaining} of one
	 * {@code GET /tasks/{id}} for a task that does not exist, which asks the API for no
	 * work. Exactly one request, never retried: it is itself counted against the quota.
	 * @return the header's value, or {@code null} when the API sent none
	 * @throws TransientApiException when the API cannot be reached
	 */
	public String quotaRemaining() {
		try {
			return this.rest.get()
				.uri("/tasks/{id}", "quota-check")
				.exchange((sent, response) -> response.getHeaders().getFirst("X-RateLimit-Remaining"));
		}
		catch (ResourceAccessException failure) {
			throw connectionFailure(failure);
		}
	}

	public ApiUsage usage() {
		return this.usage;
	}

	private void reportQuota(HttpHeaders headers) {
		String remaining = headers.getFirst("X-RateLimit-Remaining");
		if (remaining != null && remaining.strip().matches("\\d{1,18}")) {
			this.quota.reported(Long.parseLong(remaining.strip()), headers.getFirst("X-RateLimit-Reset"));
		}
	}

	private <T> T exchange(RestClient.RequestHeadersSpec<?> request, Function<JsonNode, T> reader) {
		if (!this.quota.take()) {
			throw new QuotaExhaustedException("DAILY_QUOTA",
					"the account's daily request quota is used up by the runs sharing it", this.quota.resetsAt());
		}
		try {
			return request.exchange((sent, response) -> {
				int status = response.getStatusCode().value();
				this.usage.observe(status, response.getHeaders());
				reportQuota(response.getHeaders());
				byte[] body = response.getBody().readNBytes(this.maxAnswerBytes + 1);
				if (body.length > this.maxAnswerBytes) {
					throw new ApiProtocolException("the API's answer is longer than " + this.maxAnswerBytes
							+ " bytes (flux.api.max-answer-size); it was abandoned");
				}
				return this.wire.answer(status, response.getHeaders(), body, reader);
			});
		}
		catch (ResourceAccessException failure) {
			throw connectionFailure(failure);
		}
	}

	private static TransientApiException connectionFailure(ResourceAccessException failure) {
		Throwable cause = failure.getCause();
		boolean neverConnected = cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException;
		String what = (cause instanceof IOException && cause.getMessage() != null) ? cause.getMessage()
				: failure.getMessage();
		return new TransientApiException(0, neverConnected ? "CONNECTION_FAILED" : "CONNECTION_LOST",
				(neverConnected ? "could not connect to the API: " : "the connection to the API broke: ") + what, null,
				!neverConnected, failure);
	}

}
