package io.fluxbatch.rows;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Makes the commits around a paid request reach the disk before the next request goes
 * out, so that a power cut cannot take back a task id (and have it paid again unflagged).
 * H2 hands a commit to the operating system without forcing it to the device, so each of
 * those commits is followed by {@code CHECKPOINT SYNC}; PostgreSQL flushes its log at
 * each commit while {@code synchronous_commit} and {@code fsync} are on, which the job's
 * connections set and the run's start reports.
 */
public class DurableCommits {

	private static final Logger log = LoggerFactory.getLogger(DurableCommits.class);

	/** What a PostgreSQL connection of the job is set to at its start. */
	public static final String POSTGRESQL_SESSION = "SET synchronous_commit TO on";

	private final JdbcClient jdbc;

	private final boolean h2;

	public DurableCommits(DataSource dataSource) {
		this.jdbc = JdbcClient.create(dataSource);
		this.h2 = "H2".equals(productName(dataSource));
		if (!this.h2) {
			String synchronousCommit = setting("synchronous_commit");
			String fsync = setting("fsync");
			if ("on".equals(synchronousCommit) && "on".equals(fsync)) {
				log.info("commits reach the disk: the job database has synchronous_commit {} and fsync {}",
						synchronousCommit, fsync);
			}
			else {
				log.warn("commits may not survive a power cut: the job database has synchronous_commit {} and "
						+ "fsync {} (both must be on)", synchronousCommit, fsync);
			}
		}
	}

	/** After a commit that must survive a power cut. */
	public void flush() {
		if (this.h2) {
			this.jdbc.sql("CHECKPOINT SYNC").update();
		}
	}

	private String setting(String name) {
		return this.jdbc.sql("SELECT current_setting('" + name + "')").query(String.class).single();
	}

	private static String productName(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return connection.getMetaData().getDatabaseProductName();
		}
		catch (SQLException failure) {
			throw new IllegalStateException("cannot open the job database: " + failure.getMessage(), failure);
		}
	}

}
