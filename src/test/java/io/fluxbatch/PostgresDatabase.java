package io.fluxbatch;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Assumptions;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.fail;

/**
 * A database of its own on the PostgreSQL server the tests were given
 * ({@code FLUX_TEST_POSTGRES_URL}, {@code _USER}, {@code _PASSWORD}; {@code .ci/postgres}
 * starts one and sets them), dropped when closed. Without a server the PostgreSQL tests
 * are skipped with a message saying so, unless {@code FLUX_TEST_POSTGRES_REQUIRED} is
 * set, as CI sets it: there they fail.
 */
final class PostgresDatabase implements AutoCloseable {

	private final String serverUrl;

	private final String user;

	private final String password;

	private final String name;

	private PostgresDatabase(String serverUrl, String user, String password, String name) {
		this.serverUrl = serverUrl;
		this.user = user;
		this.password = password;
		this.name = name;
	}

	static PostgresDatabase create() {
		String url = System.getenv("FLUX_TEST_POSTGRES_URL");
		String user = System.getenv().getOrDefault("FLUX_TEST_POSTGRES_USER", "postgres");
		String password = System.getenv().getOrDefault("FLUX_TEST_POSTGRES_PASSWORD", "");
		boolean required = Boolean.parseBoolean(System.getenv("FLUX_TEST_POSTGRES_REQUIRED"));
		if (url == null) {
			return unavailable(required, "FLUX_TEST_POSTGRES_URL is not set");
		}
		String name = "flux_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		try (Connection connection = DriverManager.getConnection(url, user, password);
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name);
		}
		catch (SQLException unreachable) {
			return unavailable(required, url + " cannot be reached: " + unreachable.getMessage());
		}
		return new PostgresDatabase(url, user, password, name);
	}

	private static PostgresDatabase unavailable(boolean required, String why) {
		String message = "no PostgreSQL server for the tests (" + why
				+ "): start one with `. .ci/postgres` to run them";
		if (required) {
			fail(message + ", and FLUX_TEST_POSTGRES_REQUIRED says they must run");
		}
		Assumptions.abort(message);
		return null;
	}

	/** The JDBC URL of this test's database. */
	String url() {
		return this.serverUrl.substring(0, this.serverUrl.lastIndexOf('/') + 1) + this.name;
	}

	/** The database's name on the server. */
	String name() {
		return this.name;
	}

	/** The command-line options that put a run's job database here. */
	String[] options() {
		return new String[] { "--db-url", url() };
	}

	/** The credentials as a deployment gives them to the process: in its environment. */
	Map<String, String> environment() {
		return Map.of("SPRING_DATASOURCE_USERNAME", this.user, "SPRING_DATASOURCE_PASSWORD", this.password);
	}

	/**
	 * The credentials as a job file gives them, for commands run inside the test's JVM.
	 */
	String jobFileLines() {
		return "spring.datasource.username: " + this.user + "\nspring.datasource.password: " + this.password + "\n";
	}

	/** A data source on this test's database, for the classes tested on their own. */
	DataSource dataSource() {
		return new DriverManagerDataSource(url(), this.user, this.password);
	}

	Connection connect() throws SQLException {
		return DriverManager.getConnection(url(), this.user, this.password);
	}

	/** The first column of the first row {@code sql} returns, as a long. */
	long queryLong(String sql) throws SQLException {
		try (Connection connection = connect();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getLong(1);
		}
	}

	@Override
	public void close() throws SQLException {
		try (Connection connection = DriverManager.getConnection(this.serverUrl, this.user, this.password);
				Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + this.name + " WITH (FORCE)");
		}
	}

}
