package io.fluxbatch;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import picocli.CommandLine.Option;

/**
 * The options that say which job database a command uses: the folder one (with the output
 * by default) or a shared one named by its URL.
 */
class DatabaseOptions {

	/** The job database's JDBC URL; when set, the run's database is not a folder. */
	static final String DATABASE_URL = "spring.datasource.url";

	@Option(names = "--db", paramLabel = "PATH",
			description = "folder of the job database (default <output>/.flux-batch)")
	Path db;

	@Option(names = "--db-url", paramLabel = "JDBC-URL",
			description = "a shared job database instead of the folder one, e.g. jdbc:postgresql://host/flux (user and "
					+ "password from SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD or the job file)")
	String dbUrl;

	/** The options given, as the Spring properties they set. */
	Map<String, String> properties() {
		Map<String, String> properties = new LinkedHashMap<>();
		if (this.db != null) {
			properties.put("flux.db", this.db.toAbsolutePath().normalize().toString());
		}
		if (this.dbUrl != null) {
			if (this.dbUrl.toLowerCase(Locale.ROOT).contains("password=")) {
				throw new UsageException("--db-url must not hold the password (anyone on the machine can read a command"
						+ " line): set SPRING_DATASOURCE_PASSWORD or spring.datasource.password in the job file");
			}
			properties.put(DATABASE_URL, this.dbUrl);
		}
		return properties;
	}

}
