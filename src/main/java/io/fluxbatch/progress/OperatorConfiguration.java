package io.fluxbatch.progress;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The operator's side of a run: its settings and its command history.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OperatorProperties.class)
public class OperatorConfiguration {

	@Bean
	CommandHistory commandHistory(JdbcClient jdbcClient) {
		return new CommandHistory(jdbcClient);
	}

}
