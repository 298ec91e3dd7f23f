package io.fluxbatch.download;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.fluxbatch.HostileServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A CDN that never finishes its body costs each attempt its deadline, never the night.
 */
class ImageDownloaderDeadlineTest {

	@TempDir
	Path dir;

	private final HostileServer cdn = HostileServer.start();

	private final ImageDownloader downloader = new ImageDownloader(
			new DownloadProperties(DataSize.ofKilobytes(64), Duration.ofMillis(300), 2));

	@AfterEach
	void close() {
		this.cdn.close();
	}

	@Test
	void aCdnTricklingBytesFailsEachAttemptAtTheDeadline() {
		this.cdn.on("GET /img.png", this.cdn.trickles("image/png", 10_000, Duration.ofMillis(50)));

		assertThatExceptionOfType(DownloadFailedException.class)
			.isThrownBy(() -> this.downloader.download(url(), this.dir, "SKU-1", null, null))
			.withMessageContaining("did not arrive within 300 ms");
		assertThat(this.cdn.count("GET", "/img.png")).isEqualTo(2);
		assertThat(this.cdn.received()).allSatisfy((request) -> assertThat(request.authorization()).isNull());
		assertThat(this.dir.toFile().list()).isEmpty();
	}

	@Test
	void aCdnSendingLessThanItsLengthFailsEachAttemptAtTheDeadline() {
		this.cdn.on("GET /img.png", this.cdn.stalls("image/png", new byte[] { (byte) 0x89, 'P', 'N', 'G' }, 10_000));

		assertThatExceptionOfType(DownloadFailedException.class)
			.isThrownBy(() -> this.downloader.download(url(), this.dir, "SKU-1", null, null))
			.withMessageContaining("did not arrive within 300 ms");
		assertThat(this.cdn.count("GET", "/img.png")).isEqualTo(2);
		assertThat(Files.exists(this.dir.resolve("SKU-1.png"))).isFalse();
	}

	private URI url() {
		return URI.create(this.cdn.origin() + "/img.png");
	}

}
