package io.fluxbatch;

import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.validation.FieldError;

/**
 * Names the setting that could not be bound and why, in one line, whether the application
 * was starting ({@code run}) or the settings were bound on their own ({@code validate},
 * {@code estimate}).
 */
final class InvalidSetting {

	private InvalidSetting() {
	}

	/**
	 * The problem, if {@code failure} is (or was caused by) a setting that does not bind.
	 */
	static Optional<String> describe(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof BindValidationException invalid) {
				String prefix = invalid.getValidationErrors().getName() + ".";
				return Optional.of(invalid.getValidationErrors()
					.getAllErrors()
					.stream()
					.map((error) -> (error instanceof FieldError field) ? prefix + kebab(field.getField()) + " ("
							+ field.getRejectedValue() + "): " + field.getDefaultMessage() : error.getDefaultMessage())
					.collect(Collectors.joining("; ")));
			}
		}
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof BindException bind) {
				ConfigurationProperty property = bind.getProperty();
				String given = (property != null) ? String.valueOf(property.getValue()) : "";
				String why = firstLine(bind);
				// Converters often give nothing but the value they could not read.
				return Optional
					.of(bind.getName() + " (" + given + "): " + (why.equals(given) ? "not a valid value" : why));
			}
		}
		return Optional.empty();
	}

	private static String firstLine(Throwable failure) {
		return String.valueOf(NestedExceptionUtils.getMostSpecificCause(failure).getMessage())
			.lines()
			.findFirst()
			.orElse("");
	}

	private static String kebab(String field) {
		return field.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}

}
