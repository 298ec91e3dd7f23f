package io.fluxbatch.progress;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What the person running the job sees and is told ({@code flux.job.*}, beside the run's
 * own settings): how often a run that is not on a terminal prints its progress line, the
 * review file a run applies, and where a summary is posted after every command.
 *
 * @param progressInterval how often a run prints a progress line when its output is not a
 * terminal (cron, a pipe, CI); a line is also printed at every stage change
 * @param review a review.csv exported from a contact sheet, applied before the run
 * starts, or {@code null}
 * @param notifyUrl where a JSON summary is posted after every command (a Slack-compatible
 * incoming webhook reads its {@code text} field), or {@code null}
 * @param quiet whether only the final summary is printed
 */
@Validated
@ConfigurationProperties("flux.job")
public record OperatorProperties(@DefaultValue("1m") @NotNull @DurationMin(millis = 50) Duration progressInterval,
		Path review, URI notifyUrl, @DefaultValue("false") boolean quiet) {

}
