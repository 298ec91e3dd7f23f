package io.fluxbatch;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * A small HTTP server on a loopback address that answers whatever a test tells it to,
 * including what no well-behaved server would: redirects elsewhere, bodies that never
 * end, stall or are shorter than they claim. It records every request it receives.
 */
public final class HostileServer implements AutoCloseable {

	private final HttpServer server;

	private final ExecutorService threads = Executors.newCachedThreadPool();

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final Map<String, HttpHandler> routes = new ConcurrentHashMap<>();

	/** Released on close: handlers that stall wait on it, never on a clock. */
	private final CountDownLatch closing = new CountDownLatch(1);

	private HostileServer(String address) {
		try {
			this.server = HttpServer.create(new InetSocketAddress(address, 0), 50);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.setExecutor(this.threads);
		this.server.createContext("/", (exchange) -> {
			byte[] body = exchange.getRequestBody().readAllBytes();
			String path = exchange.getRequestURI().getPath();
			this.received.add(new Received(exchange.getRequestMethod(), path,
					exchange.getRequestHeaders().getFirst("Authorization"), new String(body, StandardCharsets.UTF_8)));
			HttpHandler handler = this.routes.getOrDefault(exchange.getRequestMethod() + " " + path,
					(unknown) -> json(unknown, 404, "{\"success\": false, \"error\": {\"code\": \"NOT_FOUND\"}}"));
			try {
				handler.handle(exchange);
			}
			catch (IOException clientWentAway) {
				// What a hostile server does once the client gives up does not matter.
			}
			finally {
				exchange.close();
			}
		});
		this.server.start();
	}

	/** A server on 127.0.0.1. */
	public static HostileServer start() {
		return new HostileServer("127.0.0.1");
	}

	/**
	 * A server on another loopback address: "another host" as far as a client can tell.
	 */
	public static HostileServer startOnAnotherHost() {
		return new HostileServer("127.0.0.2");
	}

	public String origin() {
		return "http://" + this.server.getAddress().getHostString() + ":" + this.server.getAddress().getPort();
	}

	/** Answers {@code METHOD /path} with {@code handler}. */
	public HostileServer on(String methodAndPath, HttpHandler handler) {
		this.routes.put(methodAndPath, handler);
		return this;
	}

	public List<Received> received() {
		return List.copyOf(this.received);
	}

	public long count(String method, String path) {
		return this.received.stream().filter((r) -> r.method().equals(method) && r.path().equals(path)).count();
	}

	public static void json(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
	}

	public static HttpHandler redirectTo(int status, String location) {
		return (exchange) -> {
			exchange.getResponseHeaders().set("Location", location);
			exchange.sendResponseHeaders(status, -1);
		};
	}

	/**
	 * A body of {@code bytes} bytes of JSON-looking text, made as it is sent: never held
	 * in memory, here or (if the client is right) there.
	 */
	public static HttpHandler endless(long bytes) {
		return (exchange) -> {
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, bytes);
			byte[] chunk = new byte[64 * 1024];
			java.util.Arrays.fill(chunk, (byte) ' ');
			chunk[0] = '{';
			OutputStream out = exchange.getResponseBody();
			for (long sent = 0; sent < bytes; sent += chunk.length) {
				out.write(chunk, 0, (int) Math.min(chunk.length, bytes - sent));
				chunk[0] = ' ';
			}
		};
	}

	/**
	 * Sends the start of a body that claims {@code declared} bytes, then nothing more
	 * until the server closes: a CDN that lies about its length, or one trickling so
	 * slowly that, to the client, it never ends.
	 */
	public HttpHandler stalls(String contentType, byte[] start, long declared) {
		return (exchange) -> {
			exchange.getResponseHeaders().set("Content-Type", contentType);
			exchange.sendResponseHeaders(200, declared);
			exchange.getResponseBody().write(start);
			exchange.getResponseBody().flush();
			try {
				this.closing.await();
			}
			catch (InterruptedException interrupted) {
				Thread.currentThread().interrupt();
			}
		};
	}

	/**
	 * Sends a body one byte every {@code pace}, never reaching its declared length before
	 * the server closes: a CDN that trickles. The pace is the fault, not a wait the test
	 * relies on.
	 */
	public HttpHandler trickles(String contentType, long declared, java.time.Duration pace) {
		return (exchange) -> {
			exchange.getResponseHeaders().set("Content-Type", contentType);
			exchange.sendResponseHeaders(200, declared);
			OutputStream out = exchange.getResponseBody();
			try {
				for (long sent = 0; sent < declared - 1
						&& !this.closing.await(pace.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS); sent++) {
					out.write(0x89);
					out.flush();
				}
			}
			catch (InterruptedException interrupted) {
				Thread.currentThread().interrupt();
			}
		};
	}

	@Override
	public void close() {
		this.closing.countDown();
		this.server.stop(0);
		this.threads.shutdownNow();
	}

	/** One request as the server saw it. */
	public record Received(String method, String path, String authorization, String body) {
	}

}
