package io.fluxbatch.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static io.fluxbatch.simulator.SimulatorClient.json;
import static io.fluxbatch.simulator.SimulatorClient.seedBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class FluxSimulatorRecordsTest {

	private static final String PRO = "flux-2/pro-text-to-image";

	private static final String FLEX = "flux-2-flex-text-to-image";

	private static final Instant NOON = Instant.parse("2026-03-01T12:00:00Z");

	@Test
	void tasksAreRecordedInCreationOrderWithTheirStateAndCharge() {
		MutableClock clock = new MutableClock(NOON);
		SimulatorSettings settings = SimulatorSettings.defaults()
			.withLatency(Duration.ofSeconds(10), Duration.ofSeconds(20));
		try (FluxSimulator simulator = FluxSimulator.start(settings, clock)) {
			SimulatorClient client = new SimulatorClient(simulator);
			String first = client.submit(seedBody(PRO, "a red fox"));
			String second = client.submit(seedBody(PRO, "a red fox"));
			String flex = client.submit(seedBody(FLEX, "a grey wolf", "2K", "1:1"));

			assertThat(simulator.tasks())
				.extracting(TaskRecord::taskId, TaskRecord::prompt, TaskRecord::model, TaskRecord::resolution,
						TaskRecord::state, TaskRecord::creditsCharged)
				.containsExactly(tuple(first, "a red fox", PRO, "1K", TaskState.PENDING, 0L),
						tuple(second, "a red fox", PRO, "1K", TaskState.PENDING, 0L),
						tuple(flex, "a grey wolf", FLEX, "2K", TaskState.PENDING, 0L));
			clock.advance(Duration.ofSeconds(10));
			assertThat(simulator.tasks()).extracting(TaskRecord::state, TaskRecord::creditsCharged)
				.containsExactly(tuple(TaskState.COMPLETED, 15L), tuple(TaskState.COMPLETED, 15L),
						tuple(TaskState.PROCESSING, 0L));
			assertThat(simulator.tasks()).noneMatch(TaskRecord::responseLost).noneMatch(TaskRecord::resultUrlExpired);
		}
	}

	@Test
	void aFailedTaskIsRecordedAsFailedAndFree() {
		try (FluxSimulator simulator = FluxSimulator.start(SimulatorSettings.defaults().withGenerationFailureRate(1))) {
			new SimulatorClient(simulator).submit(seedBody(PRO, "a red fox"));

			assertThat(simulator.tasks()).singleElement().satisfies((task) -> {
				assertThat(task.state()).isEqualTo(TaskState.FAILED);
				assertThat(task.creditsCharged()).isZero();
			});
		}
	}

	@Test
	void theRequestListenerSeesEachKindOfRequestInOrderUntilCleared() {
		try (FluxSimulator simulator = FluxSimulator.start(SimulatorSettings.defaults().withTinyImages(true))) {
			SimulatorClient client = new SimulatorClient(simulator);
			List<String> seen = new CopyOnWriteArrayList<>();
			simulator.setRequestListener(seen::add);

			String taskId = client.submit(seedBody(PRO, "a red fox"));
			String url = json(client.poll(taskId)).get("output").get("url").stringValue();
			client.downloadLink(taskId);
			client.cdn(url);
			client.get(simulator.baseUrl() + "/nowhere");
			simulator.setRequestListener(null);
			client.poll(taskId);

			assertThat(seen).containsExactly("generate", "poll", "download", "cdn");
		}
	}

	@Test
	void theRequestListenerCanActOnTheRequestItSees() {
		try (FluxSimulator simulator = FluxSimulator.start(SimulatorSettings.defaults())) {
			SimulatorClient client = new SimulatorClient(simulator);
			AtomicInteger requests = new AtomicInteger();
			simulator.setRequestListener((kind) -> {
				if (requests.incrementAndGet() == 2) {
					simulator.setDown(true);
				}
			});

			int first = client.generate(seedBody(PRO, "a red fox")).statusCode();
			int second = client.generate(seedBody(PRO, "a grey wolf")).statusCode();

			assertThat(first).isEqualTo(200);
			assertThat(second).isEqualTo(503);
			assertThat(simulator.tasks()).hasSize(1);
		}
	}

	@Test
	void aFailingRequestListenerDoesNotDisturbTheAnswer() {
		try (FluxSimulator simulator = FluxSimulator.start(SimulatorSettings.defaults())) {
			simulator.setRequestListener((kind) -> {
				throw new IllegalStateException("listener bug");
			});

			assertThat(new SimulatorClient(simulator).generate(seedBody(PRO, "a red fox")).statusCode()).isEqualTo(200);
		}
	}

}
