package io.fluxbatch.progress;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * The FLUX_COMMAND table: one line per {@code run} command, written when it starts and
 * completed when it ends, so {@code status} lists the past nights with their outcome and
 * spend, and shows a command that never ended (killed) as interrupted.
 */
public class CommandHistory {

	private final JdbcClient jdbc;

	public CommandHistory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return the command's id in the history
	 */
	public long started(Instant at, String input, String output) {
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("INSERT INTO FLUX_COMMAND (STARTED_AT, PID, INPUT, OUTPUT) VALUES (?, ?, ?, ?)")
			.params(Timestamp.from(at), ProcessHandle.current().pid(), input, output)
			.update(key);
		// By name, case-insensitively: PostgreSQL hands back every column of the row, in
		// lower case, H2 only the identity, in upper case.
		return ((Number) key.getKeys().get("COMMAND_ID")).longValue();
	}

	/**
	 * Completes the command's line.
	 * @param progress its final figures, or {@code null} when none could be taken
	 */
	public void ended(long commandId, Instant at, String outcome, int exitCode, ProgressSnapshot progress) {
		this.jdbc.sql("""
				UPDATE FLUX_COMMAND SET ENDED_AT = ?, OUTCOME = ?, EXIT_CODE = ?, RUN_NO = ?, ROWS_BY_STATUS = ?,
				  CREDITS = ?, REQUESTS = ?, RATE_LIMITED = ? WHERE COMMAND_ID = ?""")
			.params(Timestamp.from(at), outcome, exitCode, (progress != null) ? progress.run() : null,
					(progress != null) ? progress.describeRows() : null, (progress != null) ? progress.credits() : null,
					(progress != null) ? progress.requests() : null, (progress != null) ? progress.rateLimited() : null,
					commandId)
			.update();
	}

	/**
	 * One command as the history holds it.
	 *
	 * @param endedAt {@code null} while it runs, or when it was killed
	 * @param outcome {@code completed}, {@code stopped}, {@code failed}..., or
	 * {@code null} when it never ended
	 */
	public record Entry(long id, Instant startedAt, Instant endedAt, long pid, String input, String output, Long run,
			String outcome, Integer exitCode, String rows, Long credits, Long requests, Long rateLimited) {
	}

	/**
	 * Every command, newest first; of one output folder only when {@code output} is
	 * given.
	 */
	public List<Entry> entries(String output) {
		return this.jdbc.sql("""
				SELECT COMMAND_ID, STARTED_AT, ENDED_AT, PID, INPUT, OUTPUT, RUN_NO, OUTCOME, EXIT_CODE,
				  ROWS_BY_STATUS, CREDITS, REQUESTS, RATE_LIMITED
				FROM FLUX_COMMAND WHERE (CAST(? AS VARCHAR(4000)) IS NULL OR OUTPUT = ?) ORDER BY COMMAND_ID DESC""")
			.params(output, output)
			.query((rs, n) -> new Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(),
					(rs.getTimestamp(3) != null) ? rs.getTimestamp(3).toInstant() : null, rs.getLong(4),
					rs.getString(5), rs.getString(6), rs.getObject(7, Long.class), rs.getString(8),
					rs.getObject(9, Integer.class), rs.getString(10), rs.getObject(11, Long.class),
					rs.getObject(12, Long.class), rs.getObject(13, Long.class)))
			.list();
	}

}
