package io.fluxbatch.download;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Iterator;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import io.fluxbatch.api.CdnRetry;
import io.fluxbatch.library.FileHashes;
import io.fluxbatch.library.StoredImage;

/**
 * Fetches an image from the CDN (never with the API key), checks it decodes at the size
 * the API reported, and moves it into place under its final name only once it has passed.
 */
public class ImageDownloader {

	/**
	 * Closes bodies whose time is up: the JDK client's request timeout covers only the
	 * headers, and a body that trickles or is shorter than its length would block a read
	 * forever.
	 */
	private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "cdn-deadline");
		thread.setDaemon(true);
		return thread;
	});

	private final HttpClient http;

	private final DownloadProperties properties;

	private final CdnRetry retry;

	public ImageDownloader(DownloadProperties properties) {
		this.properties = properties;
		this.http = HttpClient.newBuilder()
			.connectTimeout(Duration.ofSeconds(10))
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build();
		this.retry = new CdnRetry(properties.attempts(), Duration.ofMillis(300),
				(failure) -> failure instanceof DownloadFailedException download && download.worthRetrying());
		System.setProperty("java.awt.headless", "true");
	}

	/**
	 * Stores the image at {@code url} as {@code directory/baseName.<format>}.
	 * @param expectedWidth the width the API reported, or {@code null}
	 * @param expectedHeight the height the API reported, or {@code null}
	 */
	public StoredImage download(URI url, Path directory, String baseName, Integer expectedWidth,
			Integer expectedHeight) {
		return this.retry.call(() -> attempt(url, directory, baseName, expectedWidth, expectedHeight));
	}

	private StoredImage attempt(URI url, Path directory, String baseName, Integer expectedWidth,
			Integer expectedHeight) {
		Path part = directory.resolve("." + baseName + ".part");
		try {
			Files.createDirectories(directory);
			String sha256 = fetch(url, part);
			long bytes = Files.size(part);
			Decoded decoded = decode(part);
			if ((expectedWidth != null && expectedWidth != decoded.image().getWidth())
					|| (expectedHeight != null && expectedHeight != decoded.image().getHeight())) {
				throw new DownloadFailedException(
						"the image is " + decoded.image().getWidth() + "x" + decoded.image().getHeight()
								+ " but the API reported " + expectedWidth + "x" + expectedHeight);
			}
			Path target = directory.resolve(baseName + "." + decoded.extension());
			Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			return new StoredImage(target, decoded.image().getWidth(), decoded.image().getHeight(), bytes, sha256);
		}
		catch (IOException failure) {
			throw new DownloadFailedException("could not fetch the image: " + failure.getMessage(), failure);
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			throw new DownloadFailedException("interrupted while fetching the image", interrupted);
		}
		finally {
			deleteQuietly(part);
		}
	}

	/**
	 * Streams the body to {@code part}, returning its SHA-256; refuses bodies over the
	 * cap.
	 */
	private String fetch(URI url, Path part) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(url).timeout(this.properties.timeout()).GET().build();
		long started = System.nanoTime();
		HttpResponse<InputStream> response = this.http.send(request, HttpResponse.BodyHandlers.ofInputStream());
		AtomicBoolean late = new AtomicBoolean();
		long left = this.properties.timeout().toNanos() - (System.nanoTime() - started);
		ScheduledFuture<?> deadline = DEADLINES.schedule(() -> {
			late.set(true);
			closeQuietly(response.body());
		}, Math.max(0, left), TimeUnit.NANOSECONDS);
		try {
			return store(response, part);
		}
		catch (IOException failure) {
			if (late.get()) {
				throw new DownloadFailedException("the image did not arrive within "
						+ this.properties.timeout().toMillis() + " ms (flux.download.timeout)", failure);
			}
			throw failure;
		}
		finally {
			deadline.cancel(false);
		}
	}

	private String store(HttpResponse<InputStream> response, Path part) throws IOException {
		try (InputStream body = response.body()) {
			if (response.statusCode() != 200) {
				String problem = "the image URL answered HTTP " + response.statusCode();
				// 4xx: expired or gone; only a fresh URL from the API can help.
				throw (response.statusCode() / 100 == 4) ? DownloadFailedException.refused(problem)
						: new DownloadFailedException(problem);
			}
			long cap = this.properties.maxSize().toBytes();
			long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
			if (declared > cap) {
				throw new DownloadFailedException("the image is " + declared + " bytes, over the limit of " + cap);
			}
			MessageDigest sha256 = FileHashes.newSha256();
			long copied = 0;
			try (OutputStream out = new DigestOutputStream(Files.newOutputStream(part), sha256)) {
				byte[] buffer = new byte[64 * 1024];
				for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
					copied += n;
					if (copied > cap) {
						throw new DownloadFailedException("the image is over the limit of " + cap + " bytes");
					}
					out.write(buffer, 0, n);
				}
			}
			if (declared >= 0 && copied != declared) {
				throw new DownloadFailedException("the image was cut off: " + copied + " of " + declared + " bytes");
			}
			return FileHashes.hex(sha256);
		}
	}

	private static Decoded decode(Path file) throws IOException {
		try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
			Iterator<ImageReader> readers = (in != null) ? ImageIO.getImageReaders(in) : null;
			if (readers == null || !readers.hasNext()) {
				throw new DownloadFailedException("what was downloaded is not an image");
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in);
				BufferedImage image = reader.read(0);
				String format = reader.getFormatName().toLowerCase(Locale.ROOT);
				return new Decoded(image, format.equals("jpeg") ? "jpg" : format);
			}
			catch (IOException | RuntimeException broken) {
				throw new DownloadFailedException("the image does not decode: " + broken.getMessage(), broken);
			}
			finally {
				reader.dispose();
			}
		}
	}

	private static void closeQuietly(InputStream body) {
		try {
			body.close();
		}
		catch (IOException ignored) {
			// Closing is only to wake the read blocked on it, which then fails.
		}
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ignored) {
			// A leftover part file is harmless: it has no final name and is overwritten
			// next time.
		}
	}

	private record Decoded(BufferedImage image, String extension) {
	}

}
