package io.fluxbatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A catalog's lease: refused while its holder's heartbeat is fresh, taken over once it
 * has expired or its holder's process is gone, and the holder then learns it lost it.
 */
class RunLeaseTest {

	private static final String CATALOG = "/srv/catalogs/spring/out";

	private final MovableClock clock = new MovableClock(Instant.parse("2026-12-03T02:00:00Z"));

	private DataSource dataSource;

	@BeforeEach
	void migrate() {
		this.dataSource = new DriverManagerDataSource("jdbc:h2:mem:lease-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1",
				"sa", "");
		Flyway.configure().dataSource(this.dataSource).locations("classpath:db/migration/h2").load().migrate();
	}

	@Test
	void aFreshLeaseIsRefusedNamingItsHolder() {
		RunLease first = lease();
		first.acquire(CATALOG, () -> {
		});
		this.clock.advance(Duration.ofSeconds(59));

		assertThatThrownBy(() -> lease().acquire(CATALOG, () -> {
		})).isInstanceOf(RunLease.HeldElsewhere.class)
			.hasMessageStartingWith("another flux-batch command is running " + CATALOG + " (host ")
			.hasMessageContaining("process " + ProcessHandle.current().pid() + ", last heartbeat 59s ago")
			.hasMessageEndingWith("its lease expires 60s after its last heartbeat");
	}

	@Test
	void aHeartbeatKeepsTheLeaseFresh() {
		RunLease first = lease();
		first.acquire(CATALOG, () -> {
		});
		this.clock.advance(Duration.ofSeconds(50));
		assertThat(first.heartbeat(CATALOG)).isTrue();
		this.clock.advance(Duration.ofSeconds(50));

		assertThatThrownBy(() -> lease().acquire(CATALOG, () -> {
		})).isInstanceOf(RunLease.HeldElsewhere.class);
	}

	@Test
	void anExpiredLeaseIsTakenOverAndItsFormerHolderLearnsItLostIt() {
		RunLease first = lease();
		first.acquire(CATALOG, () -> {
		});
		this.clock.advance(Duration.ofSeconds(61));

		RunLease.Held taken = lease().acquire(CATALOG, () -> {
		});

		assertThat(first.heartbeat(CATALOG)).as("the former holder's heartbeat").isFalse();
		taken.close();
		assertThat(JdbcClient.create(this.dataSource).sql("SELECT COUNT(*) FROM FLUX_LEASE").query(Long.class).single())
			.isZero();
	}

	@Test
	void aLeaseOfAProcessOfThisHostThatEndedIsTakenOverAtOnce() throws Exception {
		Process ended = new ProcessBuilder("true").start();
		ended.waitFor();
		lease().acquire(CATALOG, () -> {
		});
		JdbcClient.create(this.dataSource).sql("UPDATE FLUX_LEASE SET PID = ?").param(ended.pid()).update();

		AtomicBoolean lost = new AtomicBoolean();
		RunLease.Held taken = lease().acquire(CATALOG, () -> lost.set(true));

		assertThat(taken).isNotNull();
		assertThat(lost).isFalse();
	}

	@Test
	void aLeaseOfAnotherHostIsNotTakenForGoneBeforeItExpires() {
		lease().acquire(CATALOG, () -> {
		});
		JdbcClient.create(this.dataSource).sql("UPDATE FLUX_LEASE SET HOST = 'worker-2', PID = 1").update();

		assertThatThrownBy(() -> lease().acquire(CATALOG, () -> {
		})).hasMessageContaining("(host worker-2, process 1, last heartbeat 0s ago)");
	}

	@Test
	void twoCatalogsAreLeasedEachOnItsOwn() {
		lease().acquire(CATALOG, () -> {
		});

		assertThat(lease().acquire("/srv/catalogs/autumn/out", () -> {
		})).isNotNull();
	}

	private RunLease lease() {
		return new RunLease(this.dataSource, this.clock, new LeaseProperties(Duration.ofSeconds(60)));
	}

	/** Time that moves only when the test moves it. */
	static final class MovableClock extends Clock {

		private volatile Instant now;

		MovableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration by) {
			this.now = this.now.plus(by);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	}

}
