package io.fluxbatch.progress;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts a command's summary as JSON. A night whose images are made must not fail because
 * a chat is down: a notice that cannot be delivered is logged, never thrown.
 */
public final class Notifier {

	private static final Logger log = LoggerFactory.getLogger(Notifier.class);

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Notifier() {
	}

	/**
	 * @return whether the receiver answered 2xx
	 */
	public static boolean post(URI url, CommandNotice notice) {
		try {
			HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
			HttpRequest request = HttpRequest.newBuilder(url)
				.timeout(TIMEOUT)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(notice)))
				.build();
			HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
			if (response.statusCode() / 100 != 2) {
				log.warn("the notification to {} was answered {}: not delivered", redacted(url), response.statusCode());
				return false;
			}
			return true;
		}
		catch (IOException | RuntimeException failure) {
			log.warn("the notification to {} could not be sent: {}", redacted(url), failure.getMessage());
			return false;
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			log.warn("the notification to {} was interrupted", redacted(url));
			return false;
		}
	}

	/** A webhook's path is its secret: only the host is logged. */
	private static String redacted(URI url) {
		return url.getScheme() + "://" + url.getAuthority() + "/...";
	}

}
