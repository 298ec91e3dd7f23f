package io.fluxbatch.simulator;

import com.github.tomakehurst.wiremock.common.Notifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes WireMock's own messages to the application's SLF4J logging; WireMock's bundled
 * notifier logs through its shaded copy of SLF4J, which nothing is bound to.
 */
final class Slf4jWireMockNotifier implements Notifier {

	private static final Logger logger = LoggerFactory.getLogger("io.fluxbatch.simulator.WireMock");

	@Override
	public void info(String message) {
		// WireMock's info messages are per-request chatter.
		logger.debug(message);
	}

	@Override
	public void error(String message) {
		logger.warn(message);
	}

	@Override
	public void error(String message, Throwable cause) {
		logger.warn(message, cause);
	}

}
