package io.fluxbatch;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.stereotype.Component;

/**
 * Brings the job database's schema to this version with Flyway, on H2 and PostgreSQL
 * alike. A database of release 0.1, whose schema was made before Flyway, is taken over in
 * place (baselined at version 0, below the first migration, which it already holds); an
 * empty one gets the whole schema; one holding tables flux-batch did not make, or written
 * by a newer flux-batch, is refused in one line before anything touches it.
 */
@Component
class JobDatabaseSchema implements FlywayMigrationStrategy {

	private static final Logger log = LoggerFactory.getLogger(JobDatabaseSchema.class);

	/** The job repository's first table: a database holding it is a job database. */
	private static final String JOB_REPOSITORY_TABLE = "batch_job_instance";

	@Override
	public void migrate(Flyway flyway) {
		MigrationInfo[] applied = flyway.info().applied();
		if (applied.length == 0) {
			List<String> tables = tables(flyway.getConfiguration().getDataSource(),
					flyway.getConfiguration().getTable());
			if (tables.contains(JOB_REPOSITORY_TABLE)) {
				log.info("the job database was made by flux-batch 0.1: upgrading it in place");
				try {
					Flyway.configure(getClass().getClassLoader())
						.configuration(flyway.getConfiguration())
						.baselineVersion("0")
						.baselineDescription("flux-batch 0.1, before Flyway")
						.load()
						.baseline();
				}
				catch (FlywayException migratedMeanwhile) {
					// Another command starting at the same moment on an empty database is
					// migrating it: its tables are what was seen, and it has a history
					// now.
					if (flyway.info().applied().length == 0) {
						throw migratedMeanwhile;
					}
				}
			}
			else if (!tables.isEmpty()) {
				throw new IllegalStateException("the job database holds tables that flux-batch did not make ("
						+ String.join(", ", tables.subList(0, Math.min(5, tables.size())))
						+ "): give flux-batch a database or schema of its own");
			}
		}
		for (MigrationInfo migration : applied) {
			if (migration.getState() == MigrationState.FUTURE_SUCCESS) {
				throw new IllegalStateException(
						"the job database was written by a newer flux-batch (its schema is at " + "version "
								+ migration.getVersion() + "): run that version, or give this one its own database");
			}
		}
		flyway.migrate();
	}

	/** The tables of the connection's schema, in lower case, without Flyway's own. */
	private static List<String> tables(DataSource dataSource, String history) {
		try (Connection connection = dataSource.getConnection();
				ResultSet found = connection.getMetaData()
					.getTables(connection.getCatalog(), connection.getSchema(), "%", new String[] { "TABLE" })) {
			List<String> tables = new ArrayList<>();
			while (found.next()) {
				String table = found.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
				if (!table.equalsIgnoreCase(history)) {
					tables.add(table);
				}
			}
			return tables;
		}
		catch (SQLException failure) {
			throw new IllegalStateException("cannot read the job database: " + failure.getMessage(), failure);
		}
	}

}
