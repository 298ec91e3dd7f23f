package io.fluxbatch;

import io.fluxbatch.api.ApiKey;
import io.fluxbatch.api.FluxApiProperties;
import io.fluxbatch.api.FluxClient;
import io.fluxbatch.download.DownloadProperties;
import io.fluxbatch.download.ImageDownloader;
import io.fluxbatch.simulator.FluxSimulator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.ObjectMapper;

/**
 * Wires the API client, pointed at the embedded simulator when {@code --simulate} asks
 * for it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ FluxApiProperties.class, DownloadProperties.class, SimulatorProperties.class })
class ApiConfiguration {

	@Bean(destroyMethod = "close")
	@ConditionalOnBooleanProperty("flux.simulator.enabled")
	FluxSimulator fluxSimulator(SimulatorProperties properties) {
		return FluxSimulator.start(properties.settings());
	}

	@Bean
	FluxClient fluxClient(FluxApiProperties properties, ApiKey apiKey, ObjectMapper objectMapper,
			ObjectProvider<FluxSimulator> simulator) {
		FluxSimulator local = simulator.getIfAvailable();
		return new FluxClient((local != null) ? properties.withBaseUrl(local.baseUrl()) : properties, apiKey,
				objectMapper);
	}

	@Bean
	ImageDownloader imageDownloader(DownloadProperties properties) {
		return new ImageDownloader(properties);
	}

}
