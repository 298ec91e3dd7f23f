package io.fluxbatch.simulator;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static io.fluxbatch.simulator.SimulatorClient.errorCode;
import static io.fluxbatch.simulator.SimulatorClient.seedBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FluxSimulatorFaultTest {

	private static final String PRO = "flux-2/pro-text-to-image";

	@Test
	void anOutageAnswersServiceUnavailableUntilItEnds() {
		try (FluxSimulator simulator = FluxSimulator.start(SimulatorSettings.defaults())) {
			SimulatorClient client = new SimulatorClient(simulator);
			String taskId = client.submit(seedBody(PRO, "a red fox"));

			simulator.setDown(true);
			HttpResponse<String> submit = client.generate(seedBody(PRO, "a red fox"));
			HttpResponse<String> poll = client.poll(taskId);
			simulator.setDown(false);

			assertThat(submit.statusCode()).isEqualTo(503);
			assertThat(errorCode(submit)).isEqualTo("SERVICE_UNAVAILABLE");
			assertThat(poll.statusCode()).isEqualTo(503);
			assertThat(client.poll(taskId).statusCode()).isEqualTo(200);
			assertThat(simulator.counters().serverErrors()).isEqualTo(2);
			assertThat(simulator.counters().tasksCreated()).isEqualTo(1);
		}
	}

	@Test
	void injectedServerErrorsAreInternalErrorsOrServiceUnavailable() {
		try (FluxSimulator simulator = FluxSimulator.start(SimulatorSettings.defaults().withServerErrorRate(1))) {
			SimulatorClient client = new SimulatorClient(simulator);
			List<HttpResponse<String>> responses = new ArrayList<>();
			for (int i = 0; i < 10; i++) {
				responses.add(client.generate(seedBody(PRO, "a red fox")));
			}

			assertThat(responses).allSatisfy((response) -> {
				if (response.statusCode() == 500) {
					assertThat(errorCode(response)).isEqualTo("INTERNAL_ERROR");
				}
				else {
					assertThat(response.statusCode()).isEqualTo(503);
					assertThat(errorCode(response)).isEqualTo("SERVICE_UNAVAILABLE");
				}
			});
			SimulatorCounters counters = simulator.counters();
			assertThat(counters.serverErrors()).isEqualTo(10);
			assertThat(counters.generateRequests()).isEqualTo(10);
			assertThat(counters.tasksCreated()).isZero();
			assertThat(counters.creditsBalance()).isEqualTo(1_000_000);
		}
	}

	@Test
	void droppedConnectionsResetTheConnection() {
		SimulatorSettings settings = SimulatorSettings.defaults().withDroppedConnectionRate(1);
		try (FluxSimulator simulator = FluxSimulator.start(settings)) {
			SimulatorClient client = new SimulatorClient(simulator);

			assertThatExceptionOfType(IOException.class)
				.isThrownBy(() -> client.generateOrFail(seedBody(PRO, "a red fox")));
			assertThat(simulator.counters().droppedConnections()).isEqualTo(1);
			assertThat(simulator.counters().tasksCreated()).isZero();
		}
	}

	@Test
	void theSameSeedInjectsTheSameFaults() {
		SimulatorSettings settings = SimulatorSettings.defaults().withServerErrorRate(0.5).withRandomSeed(7);

		assertThat(statusSequence(settings)).isEqualTo(statusSequence(settings)).contains(404).containsAnyOf(500, 503);
	}

	@Test
	void countersTrackEachKindOfRequest() {
		try (FluxSimulator simulator = FluxSimulator.start(SimulatorSettings.defaults().withTinyImages(true))) {
			SimulatorClient client = new SimulatorClient(simulator);
			String first = client.submit(seedBody(PRO, "a red fox"));
			client.submit(seedBody(PRO, "a grey wolf", "2K", "1:1"));
			client.generate(seedBody(PRO, "no"));
			client.poll(first);
			client.poll(first);
			client.poll("task_nope");
			client.downloadLink(first);
			client.cdn(simulator.baseUrl().replace("/api/v1", "/cdn/" + first + ".png"));

			SimulatorCounters counters = simulator.counters();
			assertThat(counters.generateRequests()).isEqualTo(3);
			assertThat(counters.tasksCreated()).isEqualTo(2);
			assertThat(counters.pollRequests()).isEqualTo(3);
			assertThat(counters.downloadUrlRequests()).isEqualTo(1);
			assertThat(counters.apiRequests()).isEqualTo(7);
			assertThat(counters.cdnRequests()).isEqualTo(1);
			assertThat(counters.cdnRequestsWithAuthorization()).isZero();
			assertThat(counters.rateLimited()).isZero();
			assertThat(counters.serverErrors()).isZero();
			assertThat(counters.droppedConnections()).isZero();
			assertThat(counters.generationsFailed()).isZero();
			assertThat(counters.creditsCharged()).isEqualTo(35);
			assertThat(counters.creditsBalance()).isEqualTo(1_000_000 - 35);
		}
	}

	private static List<Integer> statusSequence(SimulatorSettings settings) {
		try (FluxSimulator simulator = FluxSimulator.start(settings)) {
			SimulatorClient client = new SimulatorClient(simulator);
			List<Integer> statuses = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				statuses.add(client.poll("task_nope").statusCode());
			}
			return statuses;
		}
	}

}
