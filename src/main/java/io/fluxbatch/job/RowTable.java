package io.fluxbatch.job;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.fluxbatch.api.SubmitAttempts;
import io.fluxbatch.csv.CellCodec;
import io.fluxbatch.prompt.Model;
import io.fluxbatch.prompt.PriceTable;
import io.fluxbatch.prompt.Resolution;
import io.fluxbatch.report.ResultRow;
import io.fluxbatch.report.RunSpend;
import io.fluxbatch.report.TotalsLine;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The row table's updates that must be committed on their own, at once, whatever the
 * chunk around them does: a row's state before and after each request that can cost
 * money.
 */
public class RowTable {

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	private final DurableCommits durable;

	public RowTable(JdbcClient jdbc, PlatformTransactionManager transactions, DurableCommits durable) {
		this.jdbc = jdbc;
		this.durable = durable;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Committed before the POST, on the disk before it leaves: a crash or a power cut
	 * from here on leaves the row visibly in doubt.
	 */
	void markSubmitting(RowToSubmit row) {
		update("UPDATE FLUX_ROW SET STATUS = 'SUBMITTING' WHERE JOB_INSTANCE_ID = ? AND ROW_NO = ?", row.instanceId(),
				row.rowNo());
		this.durable.flush();
	}

	/**
	 * Committed the moment the task id is known, so it is never asked for again; on the
	 * disk before this thread sends its next request.
	 */
	void recordSubmitted(RowToSubmit row, SubmitAttempts attempts, String taskId, long credits, Instant submittedAt,
			Instant nextPollAt) {
		update("""
				UPDATE FLUX_ROW SET STATUS = 'SUBMITTED', TASK_ID = ?, CREDITS = ?, SUBMIT_ATTEMPTS = ?,
				LOST_ANSWERS = ?, SUBMITTED_AT = ?, NEXT_POLL_AT = ?, ERROR = NULL
				WHERE JOB_INSTANCE_ID = ? AND ROW_NO = ?""", taskId, credits, row.attemptsAfter(attempts),
				row.lostAnswersAfter(attempts), Timestamp.from(submittedAt), Timestamp.from(nextPollAt),
				row.instanceId(), row.rowNo());
		this.durable.flush();
	}

	/**
	 * No task was created (or none is known): the row waits for the next run's submit.
	 */
	void returnToNew(RowToSubmit row, SubmitAttempts attempts, String error) {
		update("""
				UPDATE FLUX_ROW SET STATUS = 'NEW', SUBMIT_ATTEMPTS = ?, LOST_ANSWERS = ?, ERROR = ?
				WHERE JOB_INSTANCE_ID = ? AND ROW_NO = ?""", row.attemptsAfter(attempts),
				row.lostAnswersAfter(attempts), error, row.instanceId(), row.rowNo());
	}

	void failSubmission(RowToSubmit row, SubmitAttempts attempts, String error) {
		update("""
				UPDATE FLUX_ROW SET STATUS = 'FAILED', SUBMIT_ATTEMPTS = ?, LOST_ANSWERS = ?, ERROR = ?
				WHERE JOB_INSTANCE_ID = ? AND ROW_NO = ?""", row.attemptsAfter(attempts),
				row.lostAnswersAfter(attempts), error, row.instanceId(), row.rowNo());
	}

	/** Rejects every row whose key names the same file as an earlier row's. */
	int rejectDuplicateKeys(long instanceId) {
		return update("""
				UPDATE FLUX_ROW r SET STATUS = 'REJECTED', REASON = CASE WHEN r.FILE_KEY = LOWER(r.ROW_KEY)
				    THEN 'key ''' || r.ROW_KEY ELSE 'file name ''' || r.FILE_NAME END || ''' is already used by row '
				  || (SELECT MIN(COALESCE(f.DATA_ROW, f.ROW_NO)) FROM FLUX_ROW f
				      WHERE f.JOB_INSTANCE_ID = r.JOB_INSTANCE_ID AND f.FILE_KEY = r.FILE_KEY)
				WHERE r.JOB_INSTANCE_ID = ? AND r.STATUS = 'NEW' AND EXISTS (SELECT 1 FROM FLUX_ROW f
				  WHERE f.JOB_INSTANCE_ID = r.JOB_INSTANCE_ID AND f.FILE_KEY = r.FILE_KEY AND f.ROW_NO < r.ROW_NO)""",
				instanceId);
	}

	/**
	 * Gives this run's rows what a dropped run over an earlier version of the input did
	 * for the same image (same fingerprint): its task when it has one (SUBMITTING,
	 * SUBMITTED or GENERATED: collected, never sent again), its POSTs and lost answers
	 * (so {@code attempts} and {@code duplicate_risk} stay true). Each of its rows goes
	 * to the first row of this run with that fingerprint not already given one.
	 * @return how many rows took over a task
	 */
	int takeOver(long previousInstanceId, long instanceId) {
		List<Integer> previousRows = this.jdbc.sql("""
				SELECT ROW_NO FROM FLUX_ROW WHERE JOB_INSTANCE_ID = ? AND FINGERPRINT IS NOT NULL
				  AND (STATUS IN ('SUBMITTING', 'SUBMITTED', 'GENERATED') OR SUBMIT_ATTEMPTS > 0 OR LOST_ANSWERS > 0)
				ORDER BY ROW_NO""").param(previousInstanceId).query(Integer.class).list();
		int tasks = 0;
		for (int previousRow : previousRows) {
			tasks += update(
					"""
							UPDATE FLUX_ROW r SET (STATUS, TASK_ID, CREDITS, SUBMIT_ATTEMPTS, LOST_ANSWERS, SUBMITTED_AT,
							  NEXT_POLL_AT, POLLS, GENERATED_AT, OUTPUT_URL, WIDTH, HEIGHT, FAILED_GENERATIONS) = (
							  SELECT CASE WHEN p.STATUS IN ('SUBMITTING', 'SUBMITTED', 'GENERATED') THEN p.STATUS ELSE 'NEW' END,
							    CASE WHEN p.STATUS IN ('SUBMITTED', 'GENERATED') THEN p.TASK_ID END,
							    CASE WHEN p.STATUS IN ('SUBMITTED', 'GENERATED') THEN p.CREDITS END,
							    p.SUBMIT_ATTEMPTS, p.LOST_ANSWERS,
							    CASE WHEN p.STATUS IN ('SUBMITTED', 'GENERATED') THEN p.SUBMITTED_AT END,
							    CASE WHEN p.STATUS IN ('SUBMITTED', 'GENERATED') THEN p.NEXT_POLL_AT END,
							    CASE WHEN p.STATUS IN ('SUBMITTED', 'GENERATED') THEN p.POLLS ELSE 0 END,
							    CASE WHEN p.STATUS = 'GENERATED' THEN p.GENERATED_AT END,
							    CASE WHEN p.STATUS = 'GENERATED' THEN p.OUTPUT_URL END,
							    CASE WHEN p.STATUS = 'GENERATED' THEN p.WIDTH END,
							    CASE WHEN p.STATUS = 'GENERATED' THEN p.HEIGHT END,
							    CASE WHEN p.STATUS IN ('SUBMITTED', 'GENERATED') THEN p.FAILED_GENERATIONS ELSE 0 END
							  FROM FLUX_ROW p WHERE p.JOB_INSTANCE_ID = ? AND p.ROW_NO = ?)
							WHERE r.JOB_INSTANCE_ID = ? AND r.ROW_NO = (SELECT MIN(f.ROW_NO) FROM FLUX_ROW f, FLUX_ROW p
							  WHERE f.JOB_INSTANCE_ID = ? AND p.JOB_INSTANCE_ID = ? AND p.ROW_NO = ?
							    AND f.FINGERPRINT = p.FINGERPRINT AND f.STATUS = 'NEW' AND f.SUBMIT_ATTEMPTS = 0
							    AND f.LOST_ANSWERS = 0)""",
					previousInstanceId, previousRow, instanceId, instanceId, previousInstanceId, previousRow);
		}
		return tasks;
	}

	/**
	 * Marks each row whose fingerprint an earlier row of the run has (the same product
	 * listed twice): one image, paid once, is all they need.
	 * @return how many rows wait for an earlier row's image
	 */
	int markSameImages(long instanceId) {
		return update("""
				UPDATE FLUX_ROW r SET SAME_AS = (SELECT MIN(f.ROW_NO) FROM FLUX_ROW f
				    WHERE f.JOB_INSTANCE_ID = r.JOB_INSTANCE_ID AND f.FINGERPRINT = r.FINGERPRINT
				      AND f.STATUS <> 'REJECTED')
				WHERE r.JOB_INSTANCE_ID = ? AND r.STATUS = 'NEW' AND r.SUBMIT_ATTEMPTS = 0 AND r.LOST_ANSWERS = 0
				  AND EXISTS (SELECT 1 FROM FLUX_ROW f WHERE f.JOB_INSTANCE_ID = r.JOB_INSTANCE_ID
				    AND f.FINGERPRINT = r.FINGERPRINT AND f.STATUS <> 'REJECTED' AND f.ROW_NO < r.ROW_NO)""",
				instanceId);
	}

	/**
	 * Rows waiting for an earlier row's image, with that row's state: the earlier row's
	 * file, size and hash, or its error.
	 */
	List<SharedImage> waitingForSameImage(long instanceId) {
		return this.jdbc.sql("""
				SELECT r.ROW_NO, r.FILE_NAME, f.ROW_NO, f.STATUS, f.FILE_PATH, f.FINGERPRINT, f.WIDTH, f.HEIGHT,
				  f.BYTES, f.SHA256, COALESCE(f.ERROR, f.REASON)
				FROM FLUX_ROW r JOIN FLUX_ROW f ON f.JOB_INSTANCE_ID = r.JOB_INSTANCE_ID AND f.ROW_NO = r.SAME_AS
				WHERE r.JOB_INSTANCE_ID = ? AND r.STATUS = 'NEW' AND r.SAME_AS IS NOT NULL ORDER BY r.ROW_NO""")
			.param(instanceId)
			.query((rs, n) -> new SharedImage(rs.getInt(1), rs.getString(2), rs.getInt(3),
					RowStatus.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6),
					rs.getObject(7, Integer.class), rs.getObject(8, Integer.class), rs.getObject(9, Long.class),
					rs.getString(10), rs.getString(11)))
			.list();
	}

	void shareImage(long instanceId, int rowNo, String filePath, SharedImage image) {
		update("""
				UPDATE FLUX_ROW SET STATUS = 'DOWNLOADED', FILE_PATH = ?, WIDTH = ?, HEIGHT = ?, BYTES = ?, SHA256 = ?,
				  CREDITS = 0, REUSED_FROM = ?, ERROR = NULL
				WHERE JOB_INSTANCE_ID = ? AND ROW_NO = ?""", filePath, image.width(), image.height(), image.bytes(),
				image.sha256(), "row " + image.sourceRow(), instanceId, rowNo);
	}

	void failShared(long instanceId, int rowNo, String error) {
		update("UPDATE FLUX_ROW SET STATUS = 'FAILED', ERROR = ? WHERE JOB_INSTANCE_ID = ? AND ROW_NO = ?", error,
				instanceId, rowNo);
	}

	void saveHeader(long instanceId, String packedHeader) {
		// Portable SQL: the job database may be H2 or PostgreSQL.
		if (update("UPDATE FLUX_RUN SET HEADER = ? WHERE JOB_INSTANCE_ID = ?", packedHeader, instanceId) == 0) {
			update("INSERT INTO FLUX_RUN (JOB_INSTANCE_ID, HEADER) VALUES (?, ?)", instanceId, packedHeader);
		}
	}

	public String header(long instanceId) {
		return this.jdbc.sql("SELECT HEADER FROM FLUX_RUN WHERE JOB_INSTANCE_ID = ?")
			.param(instanceId)
			.query(String.class)
			.optional()
			.orElse("");
	}

	/** How many rows are in each state. */
	public Map<String, Long> countByStatus(long instanceId) {
		Map<String, Long> counts = new java.util.TreeMap<>();
		this.jdbc.sql("SELECT STATUS, COUNT(*) FROM FLUX_ROW WHERE JOB_INSTANCE_ID = ? GROUP BY STATUS")
			.param(instanceId)
			.query((rs) -> {
				counts.put(rs.getString(1), rs.getLong(2));
			});
		return counts;
	}

	/**
	 * Each image the run put under {@code images/}, downloaded or taken from the library:
	 * row, file (relative to the output folder), sha256.
	 */
	void forEachStored(long instanceId, boolean reused, StoredFileConsumer action) {
		this.jdbc.sql("""
				SELECT ROW_NO, FILE_PATH, SHA256 FROM FLUX_ROW
				WHERE JOB_INSTANCE_ID = ? AND STATUS = 'DOWNLOADED' AND (REUSED_FROM IS NOT NULL) = ?
				ORDER BY ROW_NO""").params(instanceId, reused).withFetchSize(500).query((rs) -> {
			action.accept(rs.getInt(1), rs.getString(2), rs.getString(3));
		});
	}

	/** The image is to be fetched again: the task is done and paid for. */
	void downloadAgain(long instanceId, int rowNo) {
		update("""
				UPDATE FLUX_ROW SET STATUS = 'GENERATED', FILE_PATH = NULL, BYTES = NULL, SHA256 = NULL
				WHERE JOB_INSTANCE_ID = ? AND ROW_NO = ?""", instanceId, rowNo);
	}

	/** The image taken from the library is gone: the row starts again. */
	void reuseAgain(long instanceId, int rowNo) {
		update("""
				UPDATE FLUX_ROW SET STATUS = 'NEW', FILE_PATH = NULL, WIDTH = NULL, HEIGHT = NULL, BYTES = NULL,
				  SHA256 = NULL, CREDITS = NULL, REUSED_FROM = NULL
				WHERE JOB_INSTANCE_ID = ? AND ROW_NO = ?""", instanceId, rowNo);
	}

	/**
	 * Rows from {@code fromRowNo} on that wait for a submission are not sent by this
	 * command; each says why.
	 */
	void holdBack(long instanceId, int fromRowNo, String reason) {
		update("""
				UPDATE FLUX_ROW SET ERROR = ?
				WHERE JOB_INSTANCE_ID = ? AND ROW_NO >= ? AND STATUS IN ('NEW', 'SUBMITTING')""", reason, instanceId,
				fromRowNo);
	}

	/** Receives one stored image's row. */
	@FunctionalInterface
	interface StoredFileConsumer {

		void accept(int rowNo, String file, String sha256);

	}

	/** Rows waiting for a submission: a failed generation's row goes round again. */
	long rowsToSubmit(long instanceId) {
		return this.jdbc.sql("""
				SELECT COUNT(*) FROM FLUX_ROW WHERE JOB_INSTANCE_ID = ? AND STATUS IN ('NEW', 'SUBMITTING')
				  AND SAME_AS IS NULL""").param(instanceId).query(Long.class).single();
	}

	/** Every row in input order, one at a time, never all in memory. */
	public void forEachRow(long instanceId, Consumer<ResultRow> action) {
		this.jdbc.sql("SELECT * FROM FLUX_ROW WHERE JOB_INSTANCE_ID = ? ORDER BY ROW_NO")
			.param(instanceId)
			.withFetchSize(500)
			.query((rs) -> {
				action.accept(resultRow(rs));
			});
	}

	/**
	 * Per model and resolution: images paid for and their credits, images taken from the
	 * library, and failed generations with the credits the vendor gives back for them
	 * (each at the price its row was charged).
	 */
	public List<TotalsLine> totals(long instanceId) {
		return this.jdbc.sql("""
				SELECT MODEL, RESOLUTION,
				  COUNT(GENERATED_AT), COALESCE(SUM(CASE WHEN GENERATED_AT IS NOT NULL THEN CREDITS END), 0),
				  COUNT(REUSED_FROM), SUM(FAILED_GENERATIONS), COALESCE(SUM(FAILED_GENERATIONS * CREDITS), 0)
				FROM FLUX_ROW
				WHERE JOB_INSTANCE_ID = ?
				  AND (GENERATED_AT IS NOT NULL OR REUSED_FROM IS NOT NULL OR FAILED_GENERATIONS > 0)
				GROUP BY MODEL, RESOLUTION ORDER BY MODEL, RESOLUTION""")
			.param(instanceId)
			.query((rs, n) -> new TotalsLine(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
					rs.getLong(5), rs.getLong(6), rs.getLong(7)))
			.list();
	}

	/**
	 * Tasks that may exist unseen (one per lost POST answer), and the most they may have
	 * cost: each at its row's price, the price table's when the API never reported one.
	 */
	public TotalsLine possibleDuplicates(long instanceId) {
		long[] tasksAndCost = new long[2];
		this.jdbc
			.sql("SELECT LOST_ANSWERS, CREDITS, MODEL, RESOLUTION FROM FLUX_ROW WHERE JOB_INSTANCE_ID = ? "
					+ "AND LOST_ANSWERS > 0")
			.param(instanceId)
			.query((rs) -> {
				long credits = (rs.getObject(2) != null) ? rs.getLong(2)
						: PriceTable.credits(Model.fromApiName(rs.getString(3)).orElseThrow(),
								Resolution.fromLabel(rs.getString(4)).orElseThrow());
				tasksAndCost[0] += rs.getInt(1);
				tasksAndCost[1] += rs.getInt(1) * credits;
			});
		return new TotalsLine(TotalsLine.POSSIBLE_DUPLICATES, "", tasksAndCost[0], tasksAndCost[1]);
	}

	/** What the run had spent when its last command ended. */
	public RunSpend spentBefore(long instanceId) {
		return RunSpend.decode(this.jdbc.sql("SELECT SPENT FROM FLUX_RUN WHERE JOB_INSTANCE_ID = ?")
			.param(instanceId)
			.query(String.class)
			.optional()
			.orElse(null));
	}

	void recordSpent(long instanceId, RunSpend spent) {
		update("UPDATE FLUX_RUN SET SPENT = ? WHERE JOB_INSTANCE_ID = ?", spent.encode(), instanceId);
	}

	/** The reason most rejected rows share, with how many share it, or empty. */
	public java.util.Optional<String> mostCommonRejection(long instanceId) {
		return this.jdbc.sql("""
				SELECT COUNT(*) || ' rows: ' || REASON FROM FLUX_ROW WHERE JOB_INSTANCE_ID = ? AND STATUS = 'REJECTED'
				GROUP BY REASON ORDER BY COUNT(*) DESC, MIN(ROW_NO) FETCH FIRST 1 ROWS ONLY""")
			.param(instanceId)
			.query(String.class)
			.optional();
	}

	/**
	 * Every row still waiting says why: the stop's reason goes to those that have none
	 * (rows left by a 402 or a quota stop).
	 */
	void explainWaiting(long instanceId, String reason) {
		update("""
				UPDATE FLUX_ROW SET ERROR = ? WHERE JOB_INSTANCE_ID = ? AND ERROR IS NULL
				  AND STATUS IN ('NEW', 'SUBMITTING', 'SUBMITTED', 'GENERATED')""", reason, instanceId);
	}

	void explainWaiting(long instanceId, int rowNo, String reason) {
		update("UPDATE FLUX_ROW SET ERROR = ? WHERE JOB_INSTANCE_ID = ? AND ROW_NO = ?", reason, instanceId, rowNo);
	}

	/** Rows with at least one lost POST answer. */
	public long rowsAtDuplicateRisk(long instanceId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM FLUX_ROW WHERE JOB_INSTANCE_ID = ? AND LOST_ANSWERS > 0")
			.param(instanceId)
			.query(Long.class)
			.single();
	}

	private static ResultRow resultRow(ResultSet rs) throws SQLException {
		RowStatus status = RowStatus.valueOf(rs.getString("STATUS"));
		boolean generated = rs.getTimestamp("GENERATED_AT") != null;
		String reusedFrom = rs.getString("REUSED_FROM");
		Long credits = generated ? (Long) rs.getLong("CREDITS")
				: (status == RowStatus.FAILED || reusedFrom != null) ? (Long) 0L : null;
		int dataRow = (rs.getObject("DATA_ROW") != null) ? rs.getInt("DATA_ROW") : rs.getInt("ROW_NO");
		return new ResultRow(dataRow, rs.getLong("LINE_NO"), CellCodec.decode(rs.getString("CELLS")),
				rs.getString("ROW_KEY"), status.resultStatus(), rs.getString("MODEL"), rs.getString("RESOLUTION"),
				rs.getString("ASPECT_RATIO"), rs.getString("TASK_ID"), rs.getString("OUTPUT_URL"),
				rs.getString("FILE_PATH"), rs.getObject("WIDTH", Integer.class), rs.getObject("HEIGHT", Integer.class),
				rs.getObject("BYTES", Long.class), rs.getString("SHA256"), credits, rs.getInt("SUBMIT_ATTEMPTS"),
				(status == RowStatus.REJECTED) ? rs.getString("REASON") : rs.getString("ERROR"),
				rs.getInt("LOST_ANSWERS") > 0, reusedFrom, rs.getInt("FAILED_GENERATIONS"));
	}

	/** The row as it stands now, for its next transition. */
	RowInFlight inFlight(long instanceId, int rowNo) {
		return this.jdbc
			.sql("SELECT " + RowInFlight.COLUMNS + " FROM FLUX_ROW WHERE JOB_INSTANCE_ID = ? AND ROW_NO = ?")
			.params(instanceId, rowNo)
			.query((rs, n) -> RowInFlight.of(instanceId, rs))
			.single();
	}

	/** What a poll found out, committed before the row's next request. */
	void recordPoll(PollOutcome outcome) {
		update("""
				UPDATE FLUX_ROW SET STATUS = ?, POLLS = POLLS + ?, NEXT_POLL_AT = ?, GENERATED_AT = ?, OUTPUT_URL = ?,
				  WIDTH = ?, HEIGHT = ?, ERROR = ?, FAILED_GENERATIONS = FAILED_GENERATIONS + ?
				WHERE JOB_INSTANCE_ID = ? AND ROW_NO = ?""", outcome.status(), outcome.polls(),
				timestamp(outcome.nextPollAt()), timestamp(outcome.generatedAt()), outcome.outputUrl(), outcome.width(),
				outcome.height(), outcome.error(), outcome.failedGeneration(), outcome.instanceId(), outcome.rowNo());
	}

	/**
	 * The image stored (or the reason it is not), committed once the file is in place.
	 */
	void recordDownload(DownloadOutcome outcome) {
		update("""
				UPDATE FLUX_ROW SET STATUS = ?, OUTPUT_URL = ?, FILE_PATH = ?, WIDTH = ?, HEIGHT = ?, BYTES = ?,
				  SHA256 = ?, ERROR = ?
				WHERE JOB_INSTANCE_ID = ? AND ROW_NO = ?""", outcome.status(), outcome.outputUrl(), outcome.filePath(),
				outcome.width(), outcome.height(), outcome.bytes(), outcome.sha256(), outcome.error(),
				outcome.instanceId(), outcome.rowNo());
	}

	private static Timestamp timestamp(Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

	private int update(String sql, Object... params) {
		Integer changed = this.ownTransaction.execute((status) -> this.jdbc.sql(sql).params(params).update());
		return (changed != null) ? changed : 0;
	}

}
