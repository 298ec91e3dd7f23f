package io.fluxbatch;

import java.sql.DatabaseMetaData;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import javax.sql.DataSource;

import io.fluxbatch.api.AccountPace;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The account's pace in the job database, so that runs sharing the database (on one host
 * or several) keep to it together: each request books the account's next slot under the
 * row's lock, and a {@code Retry-After} one run was given holds them all. The hosts'
 * clocks are taken to agree to a few milliseconds (NTP), far below a slot.
 * <p>
 * A slot is no promise to keep: on PostgreSQL its commit is not waited for on disk, as a
 * slot lost to a power cut costs nothing.
 */
final class SharedAccountPace implements AccountPace {

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final String account;

	private final boolean postgres;

	SharedAccountPace(DataSource dataSource, PlatformTransactionManager transactionManager, String account) {
		this.jdbc = JdbcClient.create(dataSource);
		this.transactions = new TransactionTemplate(transactionManager);
		// A request may be made inside a row's own transaction: the slot is the
		// account's.
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.account = account;
		this.postgres = "PostgreSQL".equals(productName(dataSource));
	}

	@Override
	public Slot book(Instant wanted, Duration interval) {
		Slot booked = this.transactions.execute((transaction) -> {
			notWaitedFor();
			int updated = this.jdbc
				.sql("UPDATE FLUX_ACCOUNT_PACE SET NEXT_SLOT = GREATEST(NEXT_SLOT, HELD_UNTIL, ?) + ? "
						+ "WHERE ACCOUNT = ?")
				.params(micros(wanted), interval.toNanos() / 1000, this.account)
				.update();
			if (updated == 0) {
				return null;
			}
			return this.jdbc.sql("SELECT NEXT_SLOT, HELD_UNTIL FROM FLUX_ACCOUNT_PACE WHERE ACCOUNT = ?")
				.param(this.account)
				.query((rs, rowNo) -> new Slot(instant(rs.getLong(1)).minus(interval), heldUntil(rs.getLong(2))))
				.single();
		});
		if (booked == null) {
			start(micros(wanted) + interval.toNanos() / 1000, 0);
			return new Slot(wanted, Instant.MIN);
		}
		// The account's schedule may be behind this run's own pace, never ahead of it.
		return booked.at().isBefore(wanted) ? new Slot(wanted, booked.heldUntil()) : booked;
	}

	@Override
	public void hold(Instant until) {
		int updated = this.jdbc
			.sql("UPDATE FLUX_ACCOUNT_PACE SET HELD_UNTIL = GREATEST(HELD_UNTIL, ?) WHERE ACCOUNT = ?")
			.params(micros(until), this.account)
			.update();
		if (updated == 0) {
			start(0, micros(until));
		}
	}

	/** The account's first request on this database; another run may start it too. */
	private void start(long nextSlot, long heldUntil) {
		try {
			this.jdbc.sql("INSERT INTO FLUX_ACCOUNT_PACE (ACCOUNT, NEXT_SLOT, HELD_UNTIL) VALUES (?, ?, ?)")
				.params(this.account, nextSlot, heldUntil)
				.update();
		}
		catch (DuplicateKeyException started) {
			// Its slot was booked before this one: the next booking keeps to both.
		}
	}

	private void notWaitedFor() {
		if (this.postgres) {
			this.jdbc.sql("SET LOCAL synchronous_commit TO off").update();
		}
	}

	private static long micros(Instant instant) {
		return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
	}

	private static Instant instant(long micros) {
		return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
	}

	private static Instant heldUntil(long micros) {
		return (micros == 0) ? Instant.MIN : instant(micros);
	}

	private static String productName(DataSource dataSource) {
		try {
			return JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
		}
		catch (MetaDataAccessException failure) {
			throw new IllegalStateException("cannot open the job database: " + failure.getMessage(), failure);
		}
	}

}
