package io.fluxbatch;

import java.time.Clock;

import javax.sql.DataSource;

import io.fluxbatch.api.ApiKey;
import io.fluxbatch.api.FluxApiProperties;
import io.fluxbatch.api.FluxClient;
import io.fluxbatch.download.DownloadProperties;
import io.fluxbatch.download.ImageDownloader;
import io.fluxbatch.simulator.FluxSimulator;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Wires the API client, pointed at the embedded simulator when {@code --simulate} asks
 * for it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ FluxApiProperties.class, DownloadProperties.class, SimulatorProperties.class,
		LeaseProperties.class })
class ApiConfiguration {

	@Bean(destroyMethod = "close")
	@ConditionalOnBooleanProperty("flux.simulator.enabled")
	FluxSimulator fluxSimulator(SimulatorProperties properties) {
		return FluxSimulator.start(properties.settings());
	}

	@Bean
	FluxClient fluxClient(FluxApiProperties properties, ApiKey apiKey, ObjectMapper objectMapper,
			ObjectProvider<FluxSimulator> simulator, DataSource dataSource,
			PlatformTransactionManager transactionManager, Clock clock) {
		FluxSimulator local = simulator.getIfAvailable();
		FluxApiProperties api = (local != null) ? properties.withBaseUrl(local.baseUrl()) : properties;
		// Runs sharing the job database share the account's quota and pace through it.
		String baseUrl = api.baseUrl().toString();
		return new FluxClient(api, apiKey, objectMapper,
				new SharedAccountQuota(dataSource, clock, apiKey, baseUrl, api.dailyQuota()),
				new SharedAccountPace(dataSource, transactionManager, SharedAccountQuota.account(apiKey, baseUrl)),
				clock);
	}

	@Bean
	ImageDownloader imageDownloader(DownloadProperties properties) {
		return new ImageDownloader(properties);
	}

}
