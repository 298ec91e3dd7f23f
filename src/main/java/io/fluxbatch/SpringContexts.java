package io.fluxbatch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fluxbatch.api.ApiKey;
import io.fluxbatch.progress.DatabaseInUse;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;

/**
 * Starts the application context for one command, with the API key handed over as a bean
 * so it never passes through properties, arguments or the job repository.
 */
final class SpringContexts {

	private SpringContexts() {
	}

	/**
	 * A command's settings as Spring arguments, above a job file's and application.yml's
	 * values.
	 * @param job the job file, or {@code null}
	 * @param database the folder database's resolved folder, or {@code null}
	 * @param properties the options given, as the properties they set
	 */
	static String[] arguments(@Nullable Path job, @Nullable Path database, Map<String, String> properties) {
		List<String> arguments = new ArrayList<>();
		if (database != null) {
			arguments.add("--flux.db=" + database);
		}
		if (job != null) {
			arguments.add("--spring.config.import=file:" + job.toAbsolutePath());
		}
		properties.forEach((name, value) -> {
			// flux.db once only: Spring joins a repeated argument's values with commas.
			if (!name.equals("flux.db")) {
				arguments.add("--" + name + "=" + value);
			}
		});
		return arguments.toArray(String[]::new);
	}

	static ConfigurableApplicationContext start(String[] arguments, ApiKey key) {
		try {
			return new SpringApplicationBuilder(FluxBatchApplication.class).web(WebApplicationType.NONE)
				.logStartupInfo(false)
				// The run's own stop signal closes the context once the run has stopped.
				.registerShutdownHook(false)
				.initializers((context) -> context.getBeanFactory().registerSingleton("apiKey", key))
				.run(arguments);
		}
		catch (RuntimeException failure) {
			throw StartupException.of(failure);
		}
	}

	/** The application could not start; the message says why in one line. */
	static final class StartupException extends RuntimeException {

		private static final Pattern DATABASE_FILE = Pattern.compile("(\\S+)\\.mv\\.db");

		private final int exitCode;

		private StartupException(String message, int exitCode) {
			super(message);
			this.exitCode = exitCode;
		}

		int exitCode() {
			return this.exitCode;
		}

		static StartupException of(RuntimeException failure) {
			Throwable root = NestedExceptionUtils.getMostSpecificCause(failure);
			String message = String.valueOf(root.getMessage()).lines().findFirst().orElse("");
			if (DatabaseInUse.causedBy(failure)) {
				return new StartupException("another flux-batch run is using the job database (" + databaseOf(message)
						+ "): wait for it to finish, or give this run its own with --db", ExitCode.FAILED);
			}
			var setting = InvalidSetting.describe(failure);
			if (setting.isPresent()) {
				return new StartupException("invalid setting: " + setting.get(), ExitCode.USAGE);
			}
			if (NestedExceptionUtils.getRootCause(failure) instanceof IllegalArgumentException) {
				return new StartupException("invalid setting: " + message, ExitCode.USAGE);
			}
			return new StartupException("could not start: " + message, ExitCode.FAILED);
		}

		private static String databaseOf(String message) {
			Matcher file = DATABASE_FILE.matcher(message);
			return file.find() ? file.group(1) : "see --db";
		}

	}

}
