package io.fluxbatch;

import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.LogFile;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Logging for the commands that start no application ({@code validate},
 * {@code estimate}): set up by Spring Boot's own logging system from the same
 * {@code logging.*} settings as a run's, so their standard output holds only what they
 * print, not a library's start-up line.
 */
final class CommandLogging {

	private static boolean initialized;

	private CommandLogging() {
	}

	static synchronized void initialize(ConfigurableEnvironment environment) {
		if (initialized) {
			return;
		}
		initialized = true;
		LoggingSystem logging = LoggingSystem.get(CommandLogging.class.getClassLoader());
		logging.beforeInitialize();
		logging.initialize(new LoggingInitializationContext(environment), null, LogFile.get(environment));
		Binder.get(environment)
			.bind("logging.level", Bindable.mapOf(String.class, LogLevel.class))
			.orElse(Map.of())
			.forEach((name, level) -> logging.setLogLevel(
					name.toLowerCase(Locale.ROOT).equals("root") ? LoggingSystem.ROOT_LOGGER_NAME : name, level));
	}

}
