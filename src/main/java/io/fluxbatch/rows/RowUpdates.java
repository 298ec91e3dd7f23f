package io.fluxbatch.rows;

import java.sql.Timestamp;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The row table's updates that must be committed on their own, at once, whatever the
 * chunk around them does: a row's state before and after each request that can cost
 * money. Each stage writes its own statements through this one helper.
 */
public class RowUpdates {

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	private final DurableCommits durable;

	public RowUpdates(JdbcClient jdbc, PlatformTransactionManager transactions, DurableCommits durable) {
		this.jdbc = jdbc;
		this.durable = durable;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** Runs the statement in a transaction of its own, committed before it returns. */
	public int update(String sql, @Nullable Object... params) {
		Integer changed = this.ownTransaction.execute((status) -> this.jdbc.sql(sql).params(params).update());
		return (changed != null) ? changed : 0;
	}

	/**
	 * Forces what was committed to the disk: after a commit that must survive a power
	 * cut.
	 */
	public void flush() {
		this.durable.flush();
	}

	/** For reads, which need no transaction of their own. */
	public JdbcClient jdbc() {
		return this.jdbc;
	}

	/**
	 * Every row still waiting says why: the stop's reason goes to those that have none
	 * (rows left by a 402 or a quota stop).
	 */
	public void explainWaiting(long instanceId, String reason) {
		update("""
				UPDATE FLUX_ROW SET ERROR = ? WHERE JOB_INSTANCE_ID = ? AND ERROR IS NULL
				  AND STATUS IN (?, ?, ?, ?)""", reason, instanceId, RowStatus.NEW.name(), RowStatus.SUBMITTING.name(),
				RowStatus.SUBMITTED.name(), RowStatus.GENERATED.name());
	}

	/** The row says why it still waits. */
	public void explainWaiting(long instanceId, int rowNo, String reason) {
		update("UPDATE FLUX_ROW SET ERROR = ? WHERE JOB_INSTANCE_ID = ? AND ROW_NO = ?", reason, instanceId, rowNo);
	}

	public static @Nullable Timestamp timestamp(@Nullable Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

}
