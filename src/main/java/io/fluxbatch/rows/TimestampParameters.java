package io.fluxbatch.rows;

import java.sql.Timestamp;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.namedparam.SimplePropertySqlParameterSource;

/**
 * A record's components as SQL parameters, its instants as timestamps: H2's driver takes
 * an {@link Instant} as it is, PostgreSQL's cannot tell which SQL type it is.
 */
public final class TimestampParameters extends SimplePropertySqlParameterSource {

	public TimestampParameters(Object item) {
		super(item);
	}

	@Override
	public @Nullable Object getValue(String name) {
		Object value = super.getValue(name);
		return (value instanceof Instant instant) ? Timestamp.from(instant) : value;
	}

}
