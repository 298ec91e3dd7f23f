package io.fluxbatch.simulator;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.fluxbatch.simulator.SimulatorClient.json;
import static io.fluxbatch.simulator.SimulatorClient.seedBody;
import static org.assertj.core.api.Assertions.assertThat;

class FluxSimulatorCdnTest {

	private static final String PRO = "flux-2/pro-text-to-image";

	@Test
	void theImageDecodesAtTheReportedSize() throws IOException {
		try (FluxSimulator simulator = FluxSimulator.start(SimulatorSettings.defaults())) {
			SimulatorClient client = new SimulatorClient(simulator);
			String taskId = client.submit(seedBody(PRO, "a red fox in the snow at dawn", "2K", "16:9"));
			JsonNode output = json(client.poll(taskId)).get("output");

			HttpResponse<byte[]> image = client.cdn(output.get("url").stringValue());

			assertThat(image.statusCode()).isEqualTo(200);
			assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
			BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image.body()));
			assertThat(decoded.getWidth()).isEqualTo(output.get("width").intValue()).isEqualTo(2048);
			assertThat(decoded.getHeight()).isEqualTo(output.get("height").intValue()).isEqualTo(1152);
		}
	}

	@Test
	void portraitImagesHaveTheLongSideDown() throws IOException {
		try (FluxSimulator simulator = FluxSimulator.start(SimulatorSettings.defaults())) {
			SimulatorClient client = new SimulatorClient(simulator);
			String taskId = client.submit(seedBody(PRO, "a tall tower", "1K", "2:3"));
			JsonNode output = json(client.poll(taskId)).get("output");

			BufferedImage decoded = ImageIO
				.read(new ByteArrayInputStream(client.cdn(output.get("url").stringValue()).body()));

			assertThat(decoded.getWidth()).isEqualTo(output.get("width").intValue()).isEqualTo(683);
			assertThat(decoded.getHeight()).isEqualTo(output.get("height").intValue()).isEqualTo(1024);
		}
	}

	@Test
	void tinyImagesAreEightByEightAndReportedSo() throws IOException {
		try (FluxSimulator simulator = FluxSimulator.start(SimulatorSettings.defaults().withTinyImages(true))) {
			SimulatorClient client = new SimulatorClient(simulator);
			String taskId = client.submit(seedBody(PRO, "a red fox", "2K", "16:9"));
			JsonNode output = json(client.poll(taskId)).get("output");

			BufferedImage decoded = ImageIO
				.read(new ByteArrayInputStream(client.cdn(output.get("url").stringValue()).body()));

			assertThat(output.get("width").intValue()).isEqualTo(8);
			assertThat(output.get("height").intValue()).isEqualTo(8);
			assertThat(decoded.getWidth()).isEqualTo(8);
			assertThat(decoded.getHeight()).isEqualTo(8);
		}
	}

	@Test
	void imagesCanWeighWhatRealOnesDoAndStillDecode() throws IOException {
		SimulatorSettings settings = SimulatorSettings.defaults().withTinyImages(true).withImageBytes(1_750_000);
		try (FluxSimulator simulator = FluxSimulator.start(settings)) {
			SimulatorClient client = new SimulatorClient(simulator);
			String taskId = client.submit(seedBody(PRO, "a red fox"));
			String url = json(client.poll(taskId)).get("output").get("url").stringValue();

			byte[] image = client.cdn(url).body();
			BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image));

			assertThat(image).hasSize(1_750_000);
			assertThat(decoded.getWidth()).isEqualTo(8);
		}
	}

	@Test
	void cdnRequestsAreCountedAndThoseLeakingTheKeySeparately() {
		try (FluxSimulator simulator = FluxSimulator.start(SimulatorSettings.defaults().withTinyImages(true))) {
			SimulatorClient client = new SimulatorClient(simulator);
			String taskId = client.submit(seedBody(PRO, "a red fox"));
			String url = json(client.poll(taskId)).get("output").get("url").stringValue();

			assertThat(client.cdn(url).statusCode()).isEqualTo(200);
			assertThat(client.cdnWithAuthorization(url).statusCode()).isEqualTo(200);

			SimulatorCounters counters = simulator.counters();
			assertThat(counters.cdnRequests()).isEqualTo(2);
			assertThat(counters.cdnRequestsWithAuthorization()).isEqualTo(1);
			assertThat(counters.apiRequests()).isEqualTo(2);
		}
	}

	@Test
	void cdnFaultsAnswerServiceUnavailable() {
		SimulatorSettings settings = SimulatorSettings.defaults().withTinyImages(true).withCdnErrorRate(1);
		try (FluxSimulator simulator = FluxSimulator.start(settings)) {
			SimulatorClient client = new SimulatorClient(simulator);
			String taskId = client.submit(seedBody(PRO, "a red fox"));
			String url = json(client.poll(taskId)).get("output").get("url").stringValue();

			assertThat(client.cdn(url).statusCode()).isEqualTo(503);
		}
	}

	@Test
	void imagesOfUnknownOrUnfinishedTasksAreNotFound() {
		MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
		SimulatorSettings settings = SimulatorSettings.defaults()
			.withLatency(Duration.ofSeconds(10), Duration.ofSeconds(10));
		try (FluxSimulator simulator = FluxSimulator.start(settings, clock)) {
			SimulatorClient client = new SimulatorClient(simulator);
			String taskId = client.submit(seedBody(PRO, "a red fox"));
			String cdn = simulator.baseUrl().replace("/api/v1", "/cdn/");

			assertThat(client.cdn(cdn + "task_nope.png").statusCode()).isEqualTo(404);
			assertThat(client.cdn(cdn + taskId + ".png").statusCode()).isEqualTo(404);
			clock.advance(Duration.ofSeconds(10));
			assertThat(client.cdn(cdn + taskId + ".png").statusCode()).isEqualTo(200);
		}
	}

}
