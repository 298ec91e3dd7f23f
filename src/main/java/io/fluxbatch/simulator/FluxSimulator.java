package io.fluxbatch.simulator;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * An in-process stand-in for the FLUX.2 HTTP API and its image CDN, so the batch can be
 * run and tested end to end without spending real credits.
 *
 * <p>
 * Daily-quota headers: every API response carries {@code X-RateLimit-Reset}; when the
 * daily quota is unlimited (0), {@code X-RateLimit-Limit} and
 * {@code X-RateLimit-Remaining} are omitted rather than faked.
 */
public final class FluxSimulator implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(FluxSimulator.class);

	private static final String HOST = "localhost";

	// The client polls many tasks at once; Jetty's default pool would queue them.
	private static final int CONTAINER_THREADS = 64;

	private final WireMockServer server;

	private final SimulatorState state;

	private final String origin;

	private FluxSimulator(WireMockServer server, SimulatorState state, String origin) {
		this.server = server;
		this.state = state;
		this.origin = origin;
	}

	/**
	 * Starts a simulator on a free port of the loopback interface.
	 * @param settings how it should behave
	 * @return the running simulator
	 */
	public static FluxSimulator start(SimulatorSettings settings) {
		return start(settings, Clock.systemUTC());
	}

	static FluxSimulator start(SimulatorSettings settings, Clock clock) {
		SimulatorState state = new SimulatorState(settings, clock);
		TaskLifecycleTransformer transformer = new TaskLifecycleTransformer(state, JsonMapper.builder().build());
		WireMockServer server = new WireMockServer(WireMockConfiguration.options()
			.bindAddress(loopbackAddress())
			.dynamicPort()
			.http2PlainDisabled(true)
			.containerThreads(CONTAINER_THREADS)
			.disableRequestJournal()
			.stubRequestLoggingDisabled(true)
			.gzipDisabled(true)
			.notifier(new Slf4jWireMockNotifier())
			.extensions(transformer));
		server.start();
		server.stubFor(WireMock.any(WireMock.anyUrl())
			.willReturn(WireMock.aResponse().withTransformers(TaskLifecycleTransformer.NAME)));
		String origin = "http://" + HOST + ":" + server.port();
		state.setOrigin(origin);
		logger.info("FLUX.2 API simulator listening on {} ({} responses)", origin, settings.shape());
		return new FluxSimulator(server, state, origin);
	}

	/**
	 * The API base URL to configure the client with.
	 * @return for example {@code http://localhost:PORT/api/v1}
	 */
	public String baseUrl() {
		return this.origin + ApiRoute.API_PREFIX;
	}

	/**
	 * Simulates an outage: while on, every API request is answered 503.
	 * @param down whether the API is down
	 */
	public void setDown(boolean down) {
		this.state.setDown(down);
	}

	/**
	 * Simulates an outage that begins right after the given number of tasks has been
	 * created, so that a test can fail a job midway without racing it.
	 * @param tasks tasks to accept before going down
	 */
	public void goDownAfterTasks(long tasks) {
		this.state.goDownAfterTasks(tasks);
	}

	/**
	 * Gives the account a fresh daily quota now, as midnight would, so a test can
	 * continue a run that stopped on the quota.
	 */
	public void resetDailyQuota() {
		this.state.rateLimiter().resetDailyQuota();
	}

	/**
	 * Tops the account up.
	 * @param credits credits to add
	 */
	public void addCredits(long credits) {
		this.state.credits().add(credits);
	}

	/**
	 * Sets the account balance outright.
	 * @param credits the new balance
	 */
	public void setCredits(long credits) {
		this.state.credits().set(credits);
	}

	/**
	 * What the simulator has seen so far, with tasks finished by now billed.
	 * @return a snapshot of the counters
	 */
	public SimulatorCounters counters() {
		return this.state.counters();
	}

	/**
	 * Every accepted generation request, in arrival order.
	 * @return a snapshot of the accepted requests
	 */
	public List<ReceivedGeneration> generations() {
		return this.state.generations();
	}

	/**
	 * Every task created so far, in creation order, with its state as of now; tasks whose
	 * creating answer was lost are included, as they were created and will be charged.
	 * @return a snapshot of the tasks
	 */
	public List<TaskRecord> tasks() {
		return this.state.taskRecords();
	}

	/**
	 * Calls {@code listener} once per request as it arrives, before it is handled, with
	 * {@code "generate"}, {@code "poll"}, {@code "download"} or {@code "cdn"}; so a test
	 * can act (stop a client, say) at a given request without sleeping. It runs on the
	 * server's request thread, possibly on several at once, and what it throws is logged
	 * and ignored. Safe to call while requests are flowing.
	 * @param listener the listener, or {@code null} for none
	 */
	public void setRequestListener(Consumer<String> listener) {
		this.state.setRequestListener(listener);
	}

	@Override
	public void close() {
		if (this.server.isRunning()) {
			this.server.stop();
			logger.info("FLUX.2 API simulator on {} stopped", this.origin);
		}
	}

	// Bind to whatever "localhost" resolves to here, so the URLs handed out always reach
	// the server, whichever of IPv4 or IPv6 the JVM prefers.
	private static String loopbackAddress() {
		try {
			return InetAddress.getByName(HOST).getHostAddress();
		}
		catch (UnknownHostException ex) {
			return InetAddress.getLoopbackAddress().getHostAddress();
		}
	}

}
