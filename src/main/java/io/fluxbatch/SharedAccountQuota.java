package io.fluxbatch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import io.fluxbatch.api.AccountQuota;
import io.fluxbatch.api.ApiKey;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The account's daily quota in the job database, so that runs sharing the database (on
 * one host or several) share it: a request takes one under the row's lock, an answer's
 * {@code X-RateLimit-Remaining} only ever lowers it (other requests of the runs may be in
 * flight that the API has not counted yet), and a new reset time starts the count again
 * from what the API reports. A command that finds it used up still sends its first
 * request: the answer's count replaces the ledger's (the plan may have changed, or the
 * quota been reset early), and a 429 stops the run as before.
 * {@code flux.api.daily-quota} (the plan's quota) makes it known before the first answer;
 * without it, the requests sent before the first answer are not counted against each
 * other.
 */
final class SharedAccountQuota implements AccountQuota {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final String account;

	private final long dailyQuota;

	/**
	 * This command's first request once the ledger said none was left: its answer counts.
	 */
	private final AtomicBoolean probe = new AtomicBoolean();

	private final AtomicBoolean probed = new AtomicBoolean();

	SharedAccountQuota(DataSource dataSource, Clock clock, ApiKey key, String baseUrl, long dailyQuota) {
		this.jdbc = JdbcClient.create(dataSource);
		this.clock = clock;
		this.account = account(key, baseUrl);
		this.dailyQuota = dailyQuota;
	}

	@Override
	public boolean take() {
		int taken = this.jdbc
			.sql("UPDATE FLUX_ACCOUNT_QUOTA SET REMAINING = REMAINING - 1, UPDATED_AT = ? "
					+ "WHERE ACCOUNT = ? AND REMAINING > 0")
			.params(now(), this.account)
			.update();
		if (taken == 1) {
			this.probed.set(true);
			return true;
		}
		Optional<String> resetsAt = this.jdbc.sql("SELECT RESETS_AT FROM FLUX_ACCOUNT_QUOTA WHERE ACCOUNT = ?")
			.param(this.account)
			.query((rs, rowNo) -> Optional.ofNullable(rs.getString(1)))
			.optional()
			.orElse(null);
		if (resetsAt == null) {
			// Not known yet: the plan's quota, if given, starts the count.
			if (this.dailyQuota > 0 && !start(this.dailyQuota - 1, null)) {
				// Another run started the count at the same moment: take from it.
				return take();
			}
			this.probed.set(true);
			return true;
		}
		if (!this.probed.getAndSet(true)) {
			this.probe.set(true);
			return true;
		}
		if (resetsAt.isPresent() && passed(resetsAt.get())) {
			// A new day: the API's next answer says what it has left.
			this.jdbc.sql("DELETE FROM FLUX_ACCOUNT_QUOTA WHERE ACCOUNT = ? AND RESETS_AT = ?")
				.params(this.account, resetsAt.get())
				.update();
			return take();
		}
		return false;
	}

	@Override
	public void reported(long remaining, String resetsAt) {
		if (this.probe.getAndSet(false)) {
			// What the API says now, with none of this command's requests in flight.
			if (this.jdbc
				.sql("UPDATE FLUX_ACCOUNT_QUOTA SET REMAINING = ?, RESETS_AT = ?, UPDATED_AT = ? "
						+ "WHERE ACCOUNT = ?")
				.params(remaining, resetsAt, now(), this.account)
				.update() == 1) {
				return;
			}
		}
		int lowered = this.jdbc
			.sql("UPDATE FLUX_ACCOUNT_QUOTA SET REMAINING = LEAST(REMAINING, ?), RESETS_AT = ?, UPDATED_AT = ? "
					+ "WHERE ACCOUNT = ? AND (RESETS_AT IS NULL OR RESETS_AT = ?)")
			.params(remaining, resetsAt, now(), this.account, resetsAt)
			.update();
		if (lowered == 0) {
			// None yet, or one of an earlier reset period.
			int renewed = this.jdbc
				.sql("UPDATE FLUX_ACCOUNT_QUOTA SET REMAINING = ?, RESETS_AT = ?, UPDATED_AT = ? WHERE ACCOUNT = ?")
				.params(remaining, resetsAt, now(), this.account)
				.update();
			if (renewed == 0 && !start(remaining, resetsAt)) {
				reported(remaining, resetsAt);
			}
		}
	}

	/** Starts the count; false when another run has just started it. */
	private boolean start(long remaining, String resetsAt) {
		try {
			this.jdbc
				.sql("INSERT INTO FLUX_ACCOUNT_QUOTA (ACCOUNT, REMAINING, RESETS_AT, UPDATED_AT) VALUES (?, ?, ?, ?)")
				.params(this.account, remaining, resetsAt, now())
				.update();
			return true;
		}
		catch (DuplicateKeyException started) {
			return false;
		}
	}

	@Override
	public String resetsAt() {
		return this.jdbc.sql("SELECT RESETS_AT FROM FLUX_ACCOUNT_QUOTA WHERE ACCOUNT = ?")
			.param(this.account)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private boolean passed(String resetsAt) {
		try {
			return this.clock.instant().isAfter(Instant.parse(resetsAt));
		}
		catch (DateTimeParseException notAnInstant) {
			try {
				return this.clock.instant().getEpochSecond() > Long.parseLong(resetsAt.strip());
			}
			catch (NumberFormatException unknown) {
				// A reset time we cannot read: the API's own 429 says when it is over.
				return true;
			}
		}
	}

	private Timestamp now() {
		return Timestamp.from(this.clock.instant());
	}

	/**
	 * The account's name in the job database: a digest of its key and the API's address,
	 * never the key.
	 */
	static String account(ApiKey key, String baseUrl) {
		String text = baseUrl + "\n" + key.value();
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException missing) {
			throw new IllegalStateException(missing);
		}
	}

}
