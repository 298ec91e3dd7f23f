package io.fluxbatch.download;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import javax.imageio.ImageIO;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.fluxbatch.library.FileHashes;
import io.fluxbatch.library.StoredImage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.util.unit.DataSize;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ImageDownloaderTest {

	@TempDir
	Path dir;

	private WireMockServer cdn;

	private final ImageDownloader downloader = new ImageDownloader(
			new DownloadProperties(DataSize.ofKilobytes(64), Duration.ofSeconds(5), 2));

	@BeforeEach
	void startCdn() {
		this.cdn = new WireMockServer(options().dynamicPort());
		this.cdn.start();
	}

	@AfterEach
	void stopCdn() {
		this.cdn.stop();
	}

	@Test
	void aGoodImageIsStoredUnderItsNameWithItsSizeAndSha256AndWithoutAnyAuthorization() throws IOException {
		byte[] png = png(32, 16);
		this.cdn.stubFor(get("/img.png").willReturn(aResponse().withBody(png)));

		StoredImage stored = this.downloader.download(url("/img.png"), this.dir, "SKU-1", 32, 16);

		assertThat(stored.file()).isEqualTo(this.dir.resolve("SKU-1.png"));
		assertThat(Files.readAllBytes(stored.file())).isEqualTo(png);
		assertThat(stored.width()).isEqualTo(32);
		assertThat(stored.bytes()).isEqualTo(png.length);
		assertThat(stored.sha256()).isEqualTo(FileHashes.sha256(stored.file()));
		this.cdn.verify(getRequestedFor(urlEqualTo("/img.png")).withHeader("Authorization", absent()));
	}

	@Test
	void aBodyOverTheSizeCapIsRefusedAndLeavesNoFile() throws IOException {
		this.cdn.stubFor(get("/big.png").willReturn(aResponse().withBody(new byte[100 * 1024])));

		assertThatExceptionOfType(DownloadFailedException.class)
			.isThrownBy(() -> this.downloader.download(url("/big.png"), this.dir, "SKU-1", null, null))
			.withMessageContaining("limit");
		assertNoFilesLeft();
	}

	@Test
	void somethingThatIsNotAnImageIsRefusedAndLeavesNoFile() throws IOException {
		this.cdn.stubFor(get("/page.png").willReturn(aResponse().withBody("<html>login</html>")));

		assertThatExceptionOfType(DownloadFailedException.class)
			.isThrownBy(() -> this.downloader.download(url("/page.png"), this.dir, "SKU-1", null, null))
			.withMessageContaining("not an image");
		assertNoFilesLeft();
	}

	@Test
	void anImageOfAnotherSizeThanTheApiReportedIsRefused() throws IOException {
		this.cdn.stubFor(get("/img.png").willReturn(aResponse().withBody(png(32, 16))));

		assertThatExceptionOfType(DownloadFailedException.class)
			.isThrownBy(() -> this.downloader.download(url("/img.png"), this.dir, "SKU-1", 1024, 1024))
			.withMessageContaining("32x16");
		assertNoFilesLeft();
	}

	@Test
	void anExpiredUrlIsNotFetchedAgainButAServerErrorIs() {
		this.cdn.stubFor(get("/expired.png").willReturn(aResponse().withStatus(403)));
		this.cdn.stubFor(get("/down.png").willReturn(aResponse().withStatus(503)));

		assertThatExceptionOfType(DownloadFailedException.class)
			.isThrownBy(() -> this.downloader.download(url("/expired.png"), this.dir, "A", null, null));
		assertThatExceptionOfType(DownloadFailedException.class)
			.isThrownBy(() -> this.downloader.download(url("/down.png"), this.dir, "B", null, null));

		this.cdn.verify(1, getRequestedFor(urlEqualTo("/expired.png")));
		this.cdn.verify(2, getRequestedFor(urlEqualTo("/down.png")));
	}

	private void assertNoFilesLeft() throws IOException {
		try (var files = Files.list(this.dir)) {
			assertThat(files).isEmpty();
		}
	}

	private URI url(String path) {
		return URI.create(this.cdn.baseUrl() + path);
	}

	private static byte[] png(int width, int height) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
		return out.toByteArray();
	}

}
