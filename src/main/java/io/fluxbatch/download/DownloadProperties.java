package io.fluxbatch.download;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How images are fetched from the CDN ({@code flux.download.*}).
 *
 * @param maxSize the largest image accepted; a larger body is abandoned
 * @param timeout how long one fetch may take, from the request to the image's last byte
 * @param attempts fetches of one URL before asking the API for a fresh one
 */
@Validated
@ConfigurationProperties("flux.download")
public record DownloadProperties(@DefaultValue("50MB") @NotNull DataSize maxSize,
		@DefaultValue("60s") @NotNull Duration timeout, @DefaultValue("3") @Min(1) int attempts) {
}
