package io.fluxbatch.download;

import java.net.URI;

import io.fluxbatch.api.ApiException;
import io.fluxbatch.api.FluxClient;
import io.fluxbatch.api.InsufficientCreditsException;
import io.fluxbatch.api.QuotaExhaustedException;
import io.fluxbatch.library.ImageLibrary;
import io.fluxbatch.library.StoredImage;
import io.fluxbatch.rows.RowStatus;
import io.fluxbatch.run.RunStop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Stores a generated image under {@code images/}; when its URL fails (expired, CDN
 * error), asks the API for a fresh one. An image that still cannot be had leaves its row
 * pending for a rerun: it has been paid for, so it is fetched again rather than generated
 * again.
 */
public class ImageFetcher implements ItemProcessor<GeneratedImage, DownloadOutcome> {

	private static final Logger log = LoggerFactory.getLogger(ImageFetcher.class);

	private static final int MAX_ERROR = 1000;

	private final ImageDownloader downloader;

	private final DownloadRows rows;

	private final FluxClient client;

	private final RunStop stop;

	private final ImageLibrary library;

	public ImageFetcher(ImageDownloader downloader, DownloadRows rows, FluxClient client, RunStop stop,
			ImageLibrary library) {
		this.rows = rows;
		this.library = library;
		this.downloader = downloader;
		this.client = client;
		this.stop = stop;
	}

	/**
	 * @return the image stored (or why not), committed; {@code null} when the run stopped
	 * first
	 */
	@Override
	public DownloadOutcome process(GeneratedImage image) {
		DownloadOutcome outcome = fetch(image);
		if (outcome != null) {
			this.rows.recordDownload(outcome);
		}
		return outcome;
	}

	private DownloadOutcome fetch(GeneratedImage image) {
		if (this.stop.everythingStopped()) {
			return null;
		}
		String url = image.outputUrl();
		String firstFailure = "the API reported no image URL";
		if (url != null) {
			try {
				return fetch(image, url);
			}
			catch (DownloadFailedException | IllegalArgumentException failure) {
				firstFailure = failure.getMessage();
			}
		}
		if (this.stop.requestsStopped()) {
			return pending(image, url, firstFailure);
		}
		log.info("row {}: {}; asking the API for a fresh download link", image.rowNo(), firstFailure);
		try {
			return fetch(image, this.client.downloadLink(image.taskId()).url());
		}
		catch (QuotaExhaustedException | InsufficientCreditsException exhausted) {
			this.stop.stopFor(exhausted);
			return pending(image, url, firstFailure);
		}
		catch (DownloadFailedException | IllegalArgumentException | ApiException secondFailure) {
			String why = (secondFailure instanceof ApiException api) ? api.describe() : secondFailure.getMessage();
			log.warn("row {}: the image could not be downloaded: {}", image.rowNo(), why);
			return pending(image, url, "download failed: " + why + " (run again to retry)");
		}
	}

	private DownloadOutcome fetch(GeneratedImage image, String url) {
		StoredImage stored = this.downloader.download(URI.create(url), image.outputDir().resolve(ImageLibrary.IMAGES),
				image.fileName(), image.width(), image.height());
		keep(image, stored);
		return stored(image, url, stored);
	}

	/**
	 * Adds the verified image to the library, so no later run pays for it again. The row
	 * has its image either way: a library that cannot take it costs a later run a
	 * generation, not this run its image.
	 */
	private void keep(GeneratedImage image, StoredImage stored) {
		if (image.fingerprint() == null) {
			return;
		}
		try {
			this.library.add(image.fingerprint(), stored, "task " + image.taskId() + ", row " + image.rowNo());
		}
		catch (RuntimeException failure) {
			log.warn("row {}: the image could not be added to the library: {}", image.rowNo(), failure.getMessage());
		}
	}

	private DownloadOutcome stored(GeneratedImage image, String url, StoredImage stored) {
		String relative = image.outputDir().relativize(stored.file()).toString().replace('\\', '/');
		return new DownloadOutcome(image.instanceId(), image.rowNo(), RowStatus.DOWNLOADED.name(), url, relative,
				stored.width(), stored.height(), stored.bytes(), stored.sha256(), null);
	}

	private static DownloadOutcome pending(GeneratedImage image, String url, String error) {
		// A reason may quote what the API sent (an unusable URL): it is cut to fit its
		// column.
		String reason = (error.length() <= MAX_ERROR) ? error : error.substring(0, MAX_ERROR - 3) + "...";
		return new DownloadOutcome(image.instanceId(), image.rowNo(), RowStatus.GENERATED.name(), url, null,
				image.width(), image.height(), null, null, reason);
	}

}
