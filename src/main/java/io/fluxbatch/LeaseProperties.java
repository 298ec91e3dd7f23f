package io.fluxbatch;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a command holds its catalog's lease in the job database.
 *
 * @param duration how long a lease outlives its last heartbeat before another host may
 * take the run over; the heartbeat comes every quarter of it
 */
@Validated
@ConfigurationProperties("flux.lease")
public record LeaseProperties(@DefaultValue("60s") @NotNull @DurationMin(seconds = 1) Duration duration) {
}
