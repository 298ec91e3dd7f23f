package io.fluxbatch.simulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static io.fluxbatch.simulator.SimulatorClient.seedBody;
import static org.assertj.core.api.Assertions.assertThat;

class FluxSimulatorConcurrencyTest {

	private static final int REQUESTS = 200;

	@Test
	void manyConcurrentSubmissionsAreAllAcceptedAndBilledOnce() {
		SimulatorSettings settings = SimulatorSettings.defaults().withCredits(REQUESTS * 15L).withTinyImages(true);
		try (FluxSimulator simulator = FluxSimulator.start(settings)) {
			HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			List<CompletableFuture<HttpResponse<String>>> futures = IntStream.range(0, REQUESTS)
				.mapToObj((i) -> HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/generate"))
					.header("Authorization", SimulatorClient.AUTHORIZATION)
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(seedBody("flux-2/pro-text-to-image", "prompt " + i)))
					.build())
				.map((request) -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString()))
				.toList();

			List<Integer> statuses = futures.stream()
				.map(CompletableFuture::join)
				.map(HttpResponse::statusCode)
				.toList();

			assertThat(statuses).containsOnly(200);
			SimulatorCounters counters = simulator.counters();
			assertThat(counters.tasksCreated()).isEqualTo(REQUESTS);
			assertThat(counters.creditsCharged()).isEqualTo(REQUESTS * 15L);
			assertThat(counters.creditsBalance()).isZero();
			assertThat(simulator.generations()).hasSize(REQUESTS)
				.extracting(ReceivedGeneration::taskId)
				.doesNotHaveDuplicates();
		}
	}

}
