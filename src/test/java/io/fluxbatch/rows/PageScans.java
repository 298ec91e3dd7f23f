package io.fluxbatch.rows;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

import org.springframework.batch.infrastructure.item.database.PagingQueryProvider;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * How many rows H2 reads to answer one page of a paging reader's query, from its own
 * {@code EXPLAIN ANALYZE}: the measure that keeps paging linear, as a page that sorts
 * every remaining row reads them all.
 */
public final class PageScans {

	/** The run whose rows are paged; another run's rows sit beside them. */
	public static final long INSTANCE = 2;

	private static final Pattern SCAN_COUNT = Pattern.compile("scanCount: (\\d+)");

	private PageScans() {
	}

	/**
	 * A job database in {@code folder} holding two runs of {@code rows} rows each: two in
	 * three NEW, the others SUBMITTED.
	 */
	public static DataSource twoRunsOf(int rows, Path folder) {
		DataSource database = new DriverManagerDataSource("jdbc:h2:file:" + folder.resolve("flux-batch"), "sa", "");
		Flyway.configure().dataSource(database).locations("classpath:db/migration/h2").load().migrate();
		NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(database);
		for (long instance = 1; instance <= 2; instance++) {
			jdbc.update("INSERT INTO FLUX_ROW (JOB_INSTANCE_ID, ROW_NO, DATA_ROW, LINE_NO, CELLS, ROW_KEY, STATUS, "
					+ "FINGERPRINT, FILE_NAME) SELECT :instance, X, X, X + 1, 'cells', 'key-' || X, "
					+ "CASE WHEN MOD(X, 3) = 0 THEN 'SUBMITTED' ELSE 'NEW' END, 'fingerprint-' || X, 'file-' || X "
					+ "FROM SYSTEM_RANGE(1, :rows)", Map.of("instance", instance, "rows", rows));
		}
		return database;
	}

	/**
	 * The rows read for the third page of {@code queries}, whose named parameters are
	 * {@code parameters}.
	 */
	public static long thirdPage(DataSource database, PagingQueryProvider queries, int pageSize,
			Map<String, Object> parameters) throws Exception {
		queries.init(database);
		Map<String, Object> page = new HashMap<>(parameters);
		// The page after the first two: its rows follow the last ROW_NO of the second.
		page.put(queries.getSortKeyPlaceHolder("ROW_NO").substring(1),
				lastRowOfSecondPage(database, queries, pageSize, parameters));
		String plan = new NamedParameterJdbcTemplate(database)
			.queryForObject("EXPLAIN ANALYZE " + queries.generateRemainingPagesQuery(pageSize), page, String.class);
		Matcher scanned = SCAN_COUNT.matcher(plan);
		if (!scanned.find()) {
			throw new IllegalStateException("no scan count in " + plan);
		}
		return Long.parseLong(scanned.group(1));
	}

	private static int lastRowOfSecondPage(DataSource database, PagingQueryProvider queries, int pageSize,
			Map<String, Object> parameters) {
		NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(database);
		int lastOfFirst = lastRowNo(jdbc.queryForList(queries.generateFirstPageQuery(pageSize), parameters));
		Map<String, Object> second = new HashMap<>(parameters);
		second.put(queries.getSortKeyPlaceHolder("ROW_NO").substring(1), lastOfFirst);
		return lastRowNo(jdbc.queryForList(queries.generateRemainingPagesQuery(pageSize), second));
	}

	private static int lastRowNo(List<Map<String, Object>> page) {
		return ((Number) page.get(page.size() - 1).get("ROW_NO")).intValue();
	}

}
