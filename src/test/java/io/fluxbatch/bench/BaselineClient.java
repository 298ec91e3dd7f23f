package io.fluxbatch.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The client the vendor's pages recommend, written by hand the way a careful user would:
 * per task, submit, then poll after 1 s, 1.5 times longer each time, never more than 10 s
 * apart; every request paced to the account's per-second limit and a 429 retried after
 * its {@code Retry-After} (unpaced where no limit is known). It keeps as many tasks in
 * flight as it is given, so it can be compared with the job on the same simulator.
 */
final class BaselineClient implements AutoCloseable {

	private static final Duration FIRST_POLL = Duration.ofSeconds(1);

	private static final double BACKOFF = 1.5;

	private static final Duration MAX_POLL_INTERVAL = Duration.ofSeconds(10);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);

	private final JsonMapper json = JsonMapper.builder().build();

	private final String baseUrl;

	private final long nanosPerRequest;

	private final AtomicLong nextSlot = new AtomicLong(System.nanoTime());

	private final AtomicLong imagesCompleted = new AtomicLong();

	BaselineClient(String baseUrl, double requestsPerSecond) {
		this.baseUrl = baseUrl;
		this.nanosPerRequest = Math.round(1_000_000_000L / requestsPerSecond);
	}

	/**
	 * Generates and downloads one image per prompt, {@code inFlight} tasks at a time.
	 * @return the images completed
	 */
	long run(List<BenchPrompt> prompts, int inFlight) {
		java.util.concurrent.Semaphore slots = new java.util.concurrent.Semaphore(inFlight);
		List<CompletableFuture<Void>> all = new java.util.ArrayList<>();
		for (BenchPrompt prompt : prompts) {
			slots.acquireUninterruptibly();
			all.add(generate(prompt).whenComplete((done, failure) -> slots.release()));
		}
		CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
		return this.imagesCompleted.get();
	}

	private CompletableFuture<Void> generate(BenchPrompt prompt) {
		String body = this.json.writeValueAsString(this.json.createObjectNode()
			.put("model", prompt.model())
			.put("prompt", prompt.text())
			.set("options", this.json.createObjectNode().put("resolution", "1K").put("aspectRatio", "1:1")));
		HttpRequest submit = api("/generate").header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return send(submit).thenCompose((answer) -> {
			String taskId = answer.path("taskId").asString(answer.path("data").path("id").asString(null));
			return poll(taskId, FIRST_POLL);
		});
	}

	private CompletableFuture<Void> poll(String taskId, Duration wait) {
		return later(wait).thenCompose((ignored) -> send(api("/tasks/" + taskId).GET().build())).thenCompose((task) -> {
			JsonNode data = task.has("data") ? task.get("data") : task;
			String status = data.path("status").asString("");
			if (status.equals("completed") || status.equals("success")) {
				JsonNode output = data.has("output") ? data.get("output") : data.path("result");
				return download(taskId, output.path("url").asString());
			}
			if (status.equals("failed")) {
				return CompletableFuture.completedFuture(null);
			}
			Duration next = Duration
				.ofMillis(Math.min((long) (wait.toMillis() * BACKOFF), MAX_POLL_INTERVAL.toMillis()));
			return poll(taskId, next);
		});
	}

	/** A result URL that has expired (403) is fetched again from a fresh link. */
	private CompletableFuture<Void> download(String taskId, String url) {
		return fetch(url).thenCompose((image) -> {
			if (image.statusCode() != 403) {
				return CompletableFuture.completedFuture(image);
			}
			return send(api("/tasks/" + taskId + "/download").GET().build())
				.thenCompose((link) -> fetch(link.path("data").path("url").asString(link.path("url").asString())));
		}).thenAccept((image) -> {
			if (image.statusCode() == 200 && image.body().length > 0) {
				this.imagesCompleted.incrementAndGet();
			}
		});
	}

	private CompletableFuture<HttpResponse<byte[]>> fetch(String url) {
		return this.http.sendAsync(HttpRequest.newBuilder(URI.create(url)).GET().build(),
				HttpResponse.BodyHandlers.ofByteArray());
	}

	/**
	 * Sends at the next free slot of the pace; a 429 waits its Retry-After, then again.
	 */
	private CompletableFuture<JsonNode> send(HttpRequest request) {
		return later(Duration.ofNanos(slotDelay()))
			.thenCompose((ignored) -> this.http.sendAsync(request, HttpResponse.BodyHandlers.ofString()))
			.thenCompose((response) -> {
				if (response.statusCode() == 429) {
					long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
					return later(Duration.ofSeconds(seconds)).thenCompose((ignored) -> send(request));
				}
				if (response.statusCode() >= 500) {
					return later(Duration.ofSeconds(1)).thenCompose((ignored) -> send(request));
				}
				return CompletableFuture.completedFuture(this.json.readTree(response.body()));
			});
	}

	private long slotDelay() {
		long now = System.nanoTime();
		long slot = this.nextSlot.getAndUpdate((last) -> Math.max(last, now) + this.nanosPerRequest);
		return Math.max(0, Math.max(slot, now) - now);
	}

	private CompletableFuture<Void> later(Duration delay) {
		CompletableFuture<Void> due = new CompletableFuture<>();
		this.timer.schedule(() -> due.complete(null), delay.toNanos(), TimeUnit.NANOSECONDS);
		return due;
	}

	private HttpRequest.Builder api(String path) {
		return HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.header("Authorization", "Bearer sk-baseline")
			.header("Accept", "application/json")
			.timeout(Duration.ofSeconds(30));
	}

	@Override
	public void close() {
		this.timer.shutdownNow();
	}

}
