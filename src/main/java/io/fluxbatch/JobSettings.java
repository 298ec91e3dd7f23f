package io.fluxbatch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.fluxbatch.run.FluxJobProperties;
import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * The {@code flux.*} settings a run would use, from the sources a run's application binds
 * and in its order (options, system properties, environment variables, the job file,
 * application.yml), with Spring Boot's own binder, but without starting the application:
 * a command that only reads the input opens no database and needs no API key, and still
 * sees what {@code run} will see.
 */
final class JobSettings {

	private JobSettings() {
	}

	static FluxJobProperties bind(InputOptions options) {
		return bind(options, Map.of(), "flux.job", FluxJobProperties.class);
	}

	/**
	 * The settings under {@code prefix} that a run with these options would use.
	 * @param more the properties other options set
	 */
	static <T> T bind(InputOptions options, Map<String, String> more, String prefix, Class<T> type) {
		try {
			// Validated like the application's own binding, so a bad value gets the same
			// message whichever command is given it.
			StandardEnvironment environment = environment(options, more);
			// Before the validator starts, or its start-up line lands on standard output.
			CommandLogging.initialize(environment);
			return Binder.get(environment)
				.bindOrCreate(prefix, Bindable.of(type),
						new ValidationBindHandler(new SpringValidatorAdapter(validator())));
		}
		catch (RuntimeException invalid) {
			throw new UsageException("invalid setting: " + InvalidSetting.describe(invalid)
				.orElseGet(() -> String.valueOf(invalid.getMessage()).lines().findFirst().orElse("")));
		}
	}

	private static Validator validator() {
		return Validators.ONE;
	}

	/** Started on first use only, once logging is set up. */
	private static final class Validators {

		static final Validator ONE = Validation.buildDefaultValidatorFactory().getValidator();

	}

	/** One setting as a run with these options would see it, or {@code null}. */
	static String property(InputOptions options, Map<String, String> more, String name) {
		return Binder.get(environment(options, more)).bind(name, String.class).orElse(null);
	}

	private static StandardEnvironment environment(InputOptions options, Map<String, String> more) {
		StandardEnvironment environment = new StandardEnvironment();
		MutablePropertySources sources = environment.getPropertySources();
		Map<String, Object> given = new HashMap<>(options.properties());
		given.putAll(more);
		sources.addFirst(new MapPropertySource("options", given));
		Path job = options.jobFile();
		if (job != null) {
			yaml(new FileSystemResource(job)).forEach(sources::addLast);
		}
		yaml(new ClassPathResource("application.yml")).forEach(sources::addLast);
		ConfigurationPropertySources.attach(environment);
		return environment;
	}

	private static List<PropertySource<?>> yaml(Resource resource) {
		try {
			return new YamlPropertySourceLoader().load(resource.getDescription(), resource);
		}
		catch (IOException | RuntimeException unreadable) {
			throw new UsageException("cannot read " + resource.getDescription() + ": " + unreadable.getMessage());
		}
	}

}
