package io.fluxbatch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who is running a catalog now, kept in the job database so that commands on other hosts
 * see it too (a shared database has no file lock to tell). The command that runs a
 * catalog holds its lease and refreshes the heartbeat; another command over the same
 * output refuses while the heartbeat is fresh, and takes the run over once it is older
 * than {@code flux.lease.duration}, or at once when the holder was a process of this host
 * that is gone.
 */
@Component
class RunLease {

	private static final Logger log = LoggerFactory.getLogger(RunLease.class);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Duration duration;

	private final Holder self = Holder.thisProcess();

	RunLease(DataSource dataSource, Clock clock, LeaseProperties properties) {
		this.jdbc = JdbcClient.create(dataSource);
		this.clock = clock;
		this.duration = properties.duration();
	}

	/**
	 * Takes the lease of {@code catalog} and keeps it fresh until the returned lease is
	 * closed.
	 * @param onLost called if another command takes the lease over while this one runs
	 * @throws HeldElsewhere when a living command holds it
	 */
	Held acquire(String catalog, Runnable onLost) {
		Instant now = now();
		if (!insert(catalog, now)) {
			takeOver(catalog, now);
		}
		return new Held(catalog, onLost);
	}

	private boolean insert(String catalog, Instant now) {
		try {
			this.jdbc
				.sql("INSERT INTO FLUX_LEASE (CATALOG, OWNER, HOST, PID, PROCESS_STARTED, HEARTBEAT) "
						+ "VALUES (?, ?, ?, ?, ?, ?)")
				.params(catalog, this.self.owner(), this.self.host(), this.self.pid(),
						timestamp(this.self.processStarted()), timestamp(now))
				.update();
			return true;
		}
		catch (DuplicateKeyException held) {
			return false;
		}
	}

	private void takeOver(String catalog, Instant now) {
		Optional<Lease> current = this.jdbc
			.sql("SELECT OWNER, HOST, PID, PROCESS_STARTED, HEARTBEAT FROM FLUX_LEASE WHERE CATALOG = ?")
			.param(catalog)
			.query((rs, rowNo) -> new Lease(
					new Holder(rs.getString(1), rs.getString(2), rs.getLong(3),
							(rs.getTimestamp(4) != null) ? rs.getTimestamp(4).toInstant() : null),
					rs.getTimestamp(5).toInstant()))
			.optional();
		if (current.isEmpty()) {
			// Released between the insert and the look: take it as new.
			if (!insert(catalog, now)) {
				throw new HeldElsewhere("another flux-batch command started " + catalog + " at the same moment: "
						+ "wait for it to finish");
			}
			return;
		}
		Lease lease = current.get();
		Duration age = Duration.between(lease.heartbeat(), now);
		boolean expired = age.compareTo(this.duration) > 0;
		boolean gone = lease.holder().goneFrom(this.self.host());
		if (!expired && !gone) {
			throw new HeldElsewhere("another flux-batch command is running " + catalog + " (host "
					+ lease.holder().host() + ", process " + lease.holder().pid() + ", last heartbeat "
					+ Math.max(0, age.toSeconds()) + "s ago): wait for it to finish; if it died, its lease "
					+ "expires " + this.duration.toSeconds() + "s after its last heartbeat");
		}
		int taken = this.jdbc
			.sql("UPDATE FLUX_LEASE SET OWNER = ?, HOST = ?, PID = ?, PROCESS_STARTED = ?, HEARTBEAT = ? "
					+ "WHERE CATALOG = ? AND OWNER = ? AND HEARTBEAT = ?")
			.params(this.self.owner(), this.self.host(), this.self.pid(), timestamp(this.self.processStarted()),
					timestamp(now), catalog, lease.holder().owner(), timestamp(lease.heartbeat()))
			.update();
		if (taken == 0) {
			throw new HeldElsewhere("another flux-batch command took over " + catalog + " at the same moment: "
					+ "wait for it to finish");
		}
		log.info("the command that ran {} (host {}, process {}) is gone ({}): taking its run over", catalog,
				lease.holder().host(), lease.holder().pid(),
				gone ? "its process has ended" : "no heartbeat for " + age.toSeconds() + "s");
	}

	/** Refreshes the heartbeat; false when another command has taken the lease over. */
	boolean heartbeat(String catalog) {
		return this.jdbc.sql("UPDATE FLUX_LEASE SET HEARTBEAT = ? WHERE CATALOG = ? AND OWNER = ?")
			.params(timestamp(now()), catalog, this.self.owner())
			.update() == 1;
	}

	private void release(String catalog) {
		this.jdbc.sql("DELETE FROM FLUX_LEASE WHERE CATALOG = ? AND OWNER = ?")
			.params(catalog, this.self.owner())
			.update();
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	private static Timestamp timestamp(Instant instant) {
		return (instant != null) ? Timestamp.from(instant.truncatedTo(ChronoUnit.MILLIS)) : null;
	}

	/** A held lease; closing it releases the catalog. */
	final class Held implements AutoCloseable {

		private final String catalog;

		private final ScheduledExecutorService heartbeats;

		private Held(String catalog, Runnable onLost) {
			this.catalog = catalog;
			this.heartbeats = Executors.newSingleThreadScheduledExecutor((task) -> {
				Thread thread = new Thread(task, "flux-lease");
				thread.setDaemon(true);
				return thread;
			});
			long every = Math.max(250, RunLease.this.duration.toMillis() / 4);
			this.heartbeats.scheduleWithFixedDelay(() -> beat(onLost), every, every, TimeUnit.MILLISECONDS);
		}

		private void beat(Runnable onLost) {
			try {
				if (!heartbeat(this.catalog)) {
					log.warn("another command took {} over: this one stops", this.catalog);
					onLost.run();
					this.heartbeats.shutdown();
				}
			}
			catch (DataAccessException unreachable) {
				// The next beat tries again; the lease lasts several beats.
				log.warn("cannot refresh the lease of {}: {}", this.catalog, unreachable.getMessage());
			}
		}

		private void stopHeartbeat() {
			this.heartbeats.shutdownNow();
		}

		@Override
		public void close() {
			stopHeartbeat();
			release(this.catalog);
		}

	}

	/** The command holding a catalog's lease. */
	record Holder(String owner, String host, long pid, Instant processStarted) {

		static Holder thisProcess() {
			ProcessHandle process = ProcessHandle.current();
			return new Holder(UUID.randomUUID().toString(), hostName(), process.pid(),
					process.info().startInstant().orElse(null));
		}

		/** Whether this holder was a process of {@code host} that has ended. */
		boolean goneFrom(String thisHost) {
			if (!this.host.equals(thisHost)) {
				return false;
			}
			Optional<ProcessHandle> process = ProcessHandle.of(this.pid);
			if (process.isEmpty() || !process.get().isAlive()) {
				return true;
			}
			// The same process id, used again by a process that started later.
			Optional<Instant> started = process.get().info().startInstant();
			return this.processStarted != null && started.isPresent()
					&& !started.get()
						.truncatedTo(ChronoUnit.SECONDS)
						.equals(this.processStarted.truncatedTo(ChronoUnit.SECONDS));
		}

		private static String hostName() {
			try {
				return InetAddress.getLocalHost().getHostName();
			}
			catch (UnknownHostException unknown) {
				return System.getenv().getOrDefault("HOSTNAME", "unknown");
			}
		}

	}

	private record Lease(Holder holder, Instant heartbeat) {
	}

	/** A living command holds the catalog's lease. */
	static final class HeldElsewhere extends RuntimeException {

		HeldElsewhere(String message) {
			super(message);
		}

	}

}
