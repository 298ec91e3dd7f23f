package io.fluxbatch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.fluxbatch.job.FluxJobProperties;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * The {@code flux.job} settings a run would use (options over the job file over
 * application.yml), bound without starting the application: a command that only reads the
 * input opens no database and needs no API key.
 */
final class JobSettings {

	private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

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
		List<PropertySource<?>> sources = new ArrayList<>();
		Map<String, Object> given = new HashMap<>(options.properties());
		given.putAll(more);
		sources.add(new MapPropertySource("options", given));
		Path job = options.jobFile();
		if (job != null) {
			sources.addAll(yaml(new FileSystemResource(job)));
		}
		sources.addAll(yaml(new ClassPathResource("application.yml")));
		try {
			// Validated like the application's own binding, so a bad value gets the same
			// message whichever command is given it.
			return new Binder(ConfigurationPropertySources.from(sources)).bindOrCreate(prefix, Bindable.of(type),
					new ValidationBindHandler(new SpringValidatorAdapter(VALIDATOR)));
		}
		catch (RuntimeException invalid) {
			throw new UsageException("invalid setting: " + InvalidSetting.describe(invalid)
				.orElseGet(() -> String.valueOf(invalid.getMessage()).lines().findFirst().orElse("")));
		}
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
