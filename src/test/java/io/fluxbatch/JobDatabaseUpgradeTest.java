package io.fluxbatch;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A job database written by release 0.1, whose schema was made before Flyway, or by the
 * release before the latest migration, is upgraded in place: its runs and rows stay, and
 * runs go on in it.
 */
@FullLane
class JobDatabaseUpgradeTest {

	private static final Map<String, String> KEY = Map.of("VICSEE_API_KEY", "sk-test-key");

	@TempDir
	Path dir;

	@Test
	void aDatabaseOfTheLastReleaseIsUpgradedInPlaceAndKeepsItsRuns() throws Exception {
		Path database = releaseDatabase();
		Path input = Files.writeString(this.dir.resolve("in.csv"), "prompt\nA lighthouse\nA harbour\n");

		CommandRun run = CommandRun.of(KEY, "run", "--simulate", "--input", input.toString(), "--output",
				this.dir.resolve("out").toString(), "--db", database.toString());

		assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.COMPLETED);
		assertThat(query(database, "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" "
				+ "AND \"version\" IS NOT NULL ORDER BY \"installed_rank\""))
			.startsWith("0", "1");
		assertThat(query(database, "SELECT STATUS FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID"))
			.containsExactly("COMPLETED", "COMPLETED");
		assertThat(query(database,
				"SELECT ROW_KEY || ' ' || STATUS FROM FLUX_ROW WHERE JOB_INSTANCE_ID = 1 " + "ORDER BY ROW_NO"))
			.containsExactly("lighthouse DOWNLOADED", "harbour DOWNLOADED", "fox DOWNLOADED");
	}

	@Test
	void aDatabaseOfThePreviousMigrationIsUpgradedInPlaceAndKeepsItsRuns() throws Exception {
		Path database = this.dir.resolve("db");
		Path input = Files.writeString(this.dir.resolve("in.csv"), "prompt\nA lighthouse\nA harbour\n");
		String[] command = { "run", "--simulate", "--input", input.toString(), "--output",
				this.dir.resolve("out").toString(), "--db", database.toString() };
		assertThat(CommandRun.of(KEY, command).exitCode()).isEqualTo(ExitCode.COMPLETED);
		// As the release before the account's shared pace left it: schema version 4.
		execute(database, "DROP TABLE FLUX_ACCOUNT_PACE");
		execute(database, "DROP INDEX FLUX_ROW_BY_ROW_NO");
		execute(database, "DELETE FROM \"flyway_schema_history\" WHERE \"version\" IN ('5', '6')");
		Files.writeString(input, "prompt\nA lighthouse\nA harbour\nA jetty\n");

		CommandRun run = CommandRun.of(KEY, command);

		assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.COMPLETED);
		assertThat(query(database, "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" "
				+ "AND \"version\" IS NOT NULL ORDER BY \"installed_rank\""))
			.endsWith("4", "5", "6");
		assertThat(query(database, "SELECT STATUS FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID"))
			.containsExactly("COMPLETED", "COMPLETED");
		assertThat(query(database, "SELECT COUNT(*) FROM FLUX_ACCOUNT_PACE")).as("the account's pace, kept again")
			.containsExactly("1");
	}

	@Test
	void aDatabaseOfANewerVersionIsRefusedInOneLine() throws Exception {
		Path database = releaseDatabase();
		Path input = Files.writeString(this.dir.resolve("in.csv"), "prompt\nA lighthouse\n");
		String[] command = { "run", "--simulate", "--input", input.toString(), "--output",
				this.dir.resolve("out").toString(), "--db", database.toString() };
		assertThat(CommandRun.of(KEY, command).exitCode()).isEqualTo(ExitCode.COMPLETED);
		execute(database, "INSERT INTO \"flyway_schema_history\" VALUES (99, '99', 'from the future', 'SQL', "
				+ "'V99__future.sql', 1, 'SA', CURRENT_TIMESTAMP, 1, TRUE)");

		CommandRun run = CommandRun.of(KEY, command);

		assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
		assertThat(run.problem())
			.isEqualTo("flux-batch: could not start: the job database was written by a newer flux-batch (its schema is "
					+ "at version 99): run that version, or give this one its own database");
	}

	private Path releaseDatabase() throws Exception {
		Path database = Files.createDirectories(this.dir.resolve("db"));
		try (InputStream file = getClass().getResourceAsStream("/release-0.1/flux-batch.mv.db")) {
			Files.copy(file, database.resolve("flux-batch.mv.db"));
		}
		return database;
	}

	private static List<String> query(Path database, String sql) throws SQLException {
		return FolderDatabase.query(database, sql);
	}

	private static void execute(Path database, String sql) throws SQLException {
		FolderDatabase.execute(database, sql);
	}

}
