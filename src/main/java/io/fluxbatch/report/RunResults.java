package io.fluxbatch.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

import io.fluxbatch.csv.CellCodec;
import io.fluxbatch.prompt.Model;
import io.fluxbatch.prompt.PriceTable;
import io.fluxbatch.prompt.Resolution;
import io.fluxbatch.rows.RowStatus;
import io.fluxbatch.rows.RowUpdates;

/**
 * The row table as the reports read it: every row in input order, the totals, the spend,
 * and the counts the run's outcome is judged by.
 */
public class RunResults {

	private final RowUpdates rows;

	public RunResults(RowUpdates rows) {
		this.rows = rows;
	}

	public String header(long instanceId) {
		return this.rows.jdbc()
			.sql("SELECT HEADER FROM FLUX_RUN WHERE JOB_INSTANCE_ID = ?")
			.param(instanceId)
			.query(String.class)
			.optional()
			.orElse("");
	}

	/** How many rows are in each state. */
	public Map<String, Long> countByStatus(long instanceId) {
		Map<String, Long> counts = new TreeMap<>();
		this.rows.jdbc()
			.sql("SELECT STATUS, COUNT(*) FROM FLUX_ROW WHERE JOB_INSTANCE_ID = ? GROUP BY STATUS")
			.param(instanceId)
			.query((rs) -> {
				counts.put(rs.getString(1), rs.getLong(2));
			});
		return counts;
	}

	/** Every row in input order, one at a time, never all in memory. */
	public void forEachRow(long instanceId, Consumer<ResultRow> action) {
		this.rows.jdbc()
			.sql("SELECT * FROM FLUX_ROW WHERE JOB_INSTANCE_ID = ? ORDER BY ROW_NO")
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
		return this.rows.jdbc()
			.sql("""
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
		this.rows.jdbc()
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
		return RunSpend.decode(this.rows.jdbc()
			.sql("SELECT SPENT FROM FLUX_RUN WHERE JOB_INSTANCE_ID = ?")
			.param(instanceId)
			.query(String.class)
			.optional()
			.orElse(null));
	}

	public void recordSpent(long instanceId, RunSpend spent) {
		this.rows.update("UPDATE FLUX_RUN SET SPENT = ? WHERE JOB_INSTANCE_ID = ?", spent.encode(), instanceId);
	}

	/** The reason most rejected rows share, with how many share it, or empty. */
	public Optional<String> mostCommonRejection(long instanceId) {
		return this.rows.jdbc()
			.sql("""
					SELECT COUNT(*) || ' rows: ' || REASON FROM FLUX_ROW WHERE JOB_INSTANCE_ID = ? AND STATUS = ?
					GROUP BY REASON ORDER BY COUNT(*) DESC, MIN(ROW_NO) FETCH FIRST 1 ROWS ONLY""")
			.params(instanceId, RowStatus.REJECTED.name())
			.query(String.class)
			.optional();
	}

	/** Rows with at least one lost POST answer. */
	public long rowsAtDuplicateRisk(long instanceId) {
		return this.rows.jdbc()
			.sql("SELECT COUNT(*) FROM FLUX_ROW WHERE JOB_INSTANCE_ID = ? AND LOST_ANSWERS > 0")
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

}
