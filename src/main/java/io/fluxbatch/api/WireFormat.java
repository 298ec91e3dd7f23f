package io.fluxbatch.api;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.http.HttpHeaders;

/**
 * Reads the API's answers in either documented shape (the flat one of the product page
 * and the {@code success/data} envelope of the newer pages) and sorts failures into
 * {@link ApiException}s.
 */
final class WireFormat {

	private static final Pattern RESET_IN_MESSAGE = Pattern
		.compile("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+(Z|[+-]\\d{2}:?\\d{2})?");

	/** The longest task id kept: the row table's column. */
	static final int MAX_TASK_ID = 1000;

	/** The longest image URL kept: the row table's column. */
	static final int MAX_URL = 16384;

	/** An API's code or message is cut to this, so an error text always fits its cell. */
	private static final int MAX_TEXT = 500;

	private final ObjectMapper json;

	private final long maxCreditsPerImage;

	private final Clock clock;

	WireFormat(ObjectMapper json, long maxCreditsPerImage, Clock clock) {
		this.json = json;
		this.clock = clock;
		this.maxCreditsPerImage = maxCreditsPerImage;
	}

	String write(Object body) {
		return this.json.writeValueAsString(body);
	}

	/**
	 * Reads a successful answer with {@code reader}, or throws the exception a failed one
	 * stands for: a non-2xx status, or a 2xx whose envelope says {@code success: false}.
	 */
	<T> T answer(int status, HttpHeaders headers, byte[] body, Function<JsonNode, T> reader) {
		if (status / 100 != 2) {
			throw failure(status, headers, body);
		}
		JsonNode root = tree(body);
		JsonNode success = root.path("success");
		if (success.isBoolean() && !success.asBoolean()) {
			throw failure(statusOf(text(root.path("error"), "code")), headers, body);
		}
		return reader.apply(root.has("data") ? root.get("data") : root);
	}

	/** The task a submit or poll answer describes. */
	Task task(JsonNode node) {
		String id = text(node, "taskId", "id");
		if (id == null) {
			throw new ApiProtocolException("the API's answer names no task id");
		}
		if (id.length() > MAX_TASK_ID) {
			throw new ApiProtocolException("the API's task id is " + id.length() + " characters long, more than the "
					+ MAX_TASK_ID + " a task id can have");
		}
		JsonNode output = node.has("output") ? node.get("output") : node.path("result");
		String url = text(output, "url");
		if (url != null && url.length() > MAX_URL) {
			throw new ApiProtocolException(
					"the image URL is " + url.length() + " characters long, more than the " + MAX_URL + " kept");
		}
		JsonNode error = node.path("error");
		String errorCode = error.isObject() ? oneLine(text(error, "code")) : null;
		String errorMessage = oneLine(
				error.isObject() ? text(error, "message") : (error.isString() ? error.asString() : null));
		return new Task(id, TaskStatus.fromWire(text(node, "status")), creditsUsed(node),
				balance(node.get("creditsRemaining")), url, integer(output, "width"), integer(output, "height"),
				errorCode, errorMessage);
	}

	/**
	 * What the generation cost, when the API says: only a whole number a generation can
	 * cost is money; anything else is an answer this client cannot read.
	 */
	private Long creditsUsed(JsonNode node) {
		JsonNode value = node.get("creditsUsed");
		if (value == null || value.isNull()) {
			return null;
		}
		Long credits = balance(value);
		if (credits == null || credits > this.maxCreditsPerImage) {
			throw new ApiProtocolException("creditsUsed " + oneLine(value.toString())
					+ " is not what a generation can cost (0 to " + this.maxCreditsPerImage + ")");
		}
		return credits;
	}

	/** A whole, non-negative number of credits, or {@code null}. */
	private static Long balance(JsonNode value) {
		if (value == null || !value.isNumber() || !value.canConvertToExactIntegral() || !value.canConvertToLong()) {
			return null;
		}
		long credits = value.asLong();
		return (credits >= 0) ? credits : null;
	}

	/**
	 * An API's text made safe to keep: on one line (no tab or carriage return a
	 * spreadsheet could read a formula after) and cut short.
	 */
	static String oneLine(String text) {
		if (text == null) {
			return null;
		}
		String flat = text.replaceAll("\\p{Cntrl}+", " ").strip();
		return (flat.length() <= MAX_TEXT) ? flat : flat.substring(0, MAX_TEXT - 3) + "...";
	}

	DownloadLink downloadLink(JsonNode node) {
		String url = text(node, "url");
		if (url == null) {
			throw new ApiProtocolException("the download answer has no url");
		}
		if (url.length() > MAX_URL) {
			throw new ApiProtocolException(
					"the download URL is " + url.length() + " characters long, more than the " + MAX_URL + " kept");
		}
		return new DownloadLink(url, text(node, "expiresAt"));
	}

	/**
	 * The status a failure envelope sent with a 2xx would have had, judged by its code.
	 */
	private static int statusOf(String code) {
		if (code == null) {
			return 400;
		}
		return switch (code) {
			case "MISSING_AUTH_HEADER", "INVALID_AUTH_FORMAT", "INVALID_KEY_FORMAT", "INVALID_API_KEY" -> 401;
			case "INSUFFICIENT_CREDITS" -> 402;
			case "FORBIDDEN" -> 403;
			case "TASK_NOT_FOUND" -> 404;
			case "RATE_LIMITED" -> 429;
			case "INTERNAL_ERROR" -> 500;
			case "SERVICE_UNAVAILABLE" -> 503;
			default -> 400;
		};
	}

	private ApiException failure(int status, HttpHeaders headers, byte[] body) {
		if (status / 100 == 3) {
			// Following would send the key (and the prompt) wherever the answer points.
			return new RejectedRequestException(status, "REDIRECT_REFUSED", "the API answered " + status
					+ " pointing elsewhere (" + where(headers.getFirst(HttpHeaders.LOCATION))
					+ "); redirects are not followed, so the key is only sent to the configured flux.api.base-url");
		}
		JsonNode error = errorNode(body);
		String code = (error != null && text(error, "code") != null) ? oneLine(text(error, "code")) : "HTTP_" + status;
		String message = (error != null && text(error, "message") != null) ? oneLine(text(error, "message"))
				: "HTTP status " + status;
		if (status == 401) {
			return new AuthenticationException(code, message);
		}
		if (status == 402) {
			return new InsufficientCreditsException(code, message);
		}
		if (status == 429) {
			Duration retryAfter = retryAfter(headers.getFirst(HttpHeaders.RETRY_AFTER));
			if (retryAfter == null && isDailyQuota(headers, message)) {
				return new QuotaExhaustedException(code, message, resetTime(headers, message));
			}
			return new TransientApiException(status, code, message, retryAfter, false, null);
		}
		if (status == 408 || status >= 500) {
			// A 503 comes from the front door before the request is handled; other 5xx
			// may come
			// after a task was created, so a POST answered with them may have been
			// charged.
			return new TransientApiException(status, code, message,
					retryAfter(headers.getFirst(HttpHeaders.RETRY_AFTER)), status != 503, null);
		}
		return new RejectedRequestException(status, code, message);
	}

	/** A redirect's origin, never its path or query, which may carry anything. */
	private static String where(String location) {
		try {
			java.net.URI target = java.net.URI.create(location.strip());
			return (target.getHost() != null) ? target.getScheme() + "://" + target.getAuthority() : "a relative path";
		}
		catch (RuntimeException unreadable) {
			return "no readable location";
		}
	}

	private static boolean isDailyQuota(HttpHeaders headers, String message) {
		return "0".equals(headers.getFirst("X-RateLimit-Remaining")) || RESET_IN_MESSAGE.matcher(message).find()
				|| message.toLowerCase(Locale.ROOT).contains("daily");
	}

	private static String resetTime(HttpHeaders headers, String message) {
		Matcher inMessage = RESET_IN_MESSAGE.matcher(message);
		if (inMessage.find()) {
			return inMessage.group();
		}
		return headers.getFirst("X-RateLimit-Reset");
	}

	private Duration retryAfter(String header) {
		if (header == null || header.isBlank()) {
			return null;
		}
		try {
			return Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
		}
		catch (NumberFormatException notSeconds) {
			try {
				Duration until = Duration.between(ZonedDateTime.now(this.clock),
						ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME));
				return until.isNegative() ? Duration.ZERO : until;
			}
			catch (DateTimeParseException notADate) {
				return null;
			}
		}
	}

	private JsonNode errorNode(byte[] body) {
		try {
			JsonNode root = this.json.readTree(body);
			JsonNode error = root.path("error");
			return error.isObject() ? error : null;
		}
		catch (JacksonException notJson) {
			return null;
		}
	}

	private JsonNode tree(byte[] body) {
		JsonNode root;
		try {
			root = this.json.readTree(body);
		}
		catch (JacksonException notJson) {
			throw new ApiProtocolException("the API answered with something that is not JSON");
		}
		if (root == null || !root.isObject()) {
			throw new ApiProtocolException("the API answered with something that is not a JSON object");
		}
		return root;
	}

	private static String text(JsonNode node, String... names) {
		for (String name : names) {
			JsonNode value = node.get(name);
			if (value != null && !value.isNull()) {
				return value.asString();
			}
		}
		return null;
	}

	private static Integer integer(JsonNode node, String name) {
		JsonNode value = node.get(name);
		return (value != null && value.isNumber()) ? value.asInt() : null;
	}

}
