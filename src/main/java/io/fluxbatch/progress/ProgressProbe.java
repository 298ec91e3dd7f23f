package io.fluxbatch.progress;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.fluxbatch.api.ApiUsage;
import io.fluxbatch.rows.RowStatus;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Takes a command's figures from the job database and the API client: the row table says
 * where the rows stand, Spring Batch's tables say which step runs, and the client counts
 * the requests. Reading them (never counting in the steps) keeps the steps free of the
 * operator's concerns.
 */
public class ProgressProbe {

	private static final List<String> FINAL = List.of(RowStatus.DOWNLOADED.name(), RowStatus.REJECTED.name(),
			RowStatus.FAILED.name());

	private final JdbcClient jdbc;

	private final ApiUsage usage;

	private final Clock clock;

	private final Instant commandStart;

	/**
	 * Per job instance this command worked on: its stored images when first seen, to
	 * measure the pace by when the command generates nothing.
	 */
	private final Map<Long, Long> storedBefore = new LinkedHashMap<>();

	public ProgressProbe(JdbcClient jdbc, ApiUsage usage, Clock clock) {
		this.jdbc = jdbc;
		this.usage = usage;
		this.clock = clock;
		this.commandStart = clock.instant();
	}

	public Instant commandStart() {
		return this.commandStart;
	}

	/** The figures now. */
	public synchronized ProgressSnapshot snapshot() {
		Instant now = this.clock.instant();
		List<Execution> executions = this.jdbc.sql("""
				SELECT e.JOB_EXECUTION_ID, e.JOB_INSTANCE_ID FROM BATCH_JOB_EXECUTION e
				WHERE e.CREATE_TIME >= ? ORDER BY e.JOB_EXECUTION_ID DESC FETCH FIRST 1 ROWS ONLY""")
			.param(Timestamp.from(this.commandStart.minusSeconds(1)))
			.query((rs, n) -> new Execution(rs.getLong(1), rs.getLong(2)))
			.list();
		if (executions.isEmpty()) {
			return new ProgressSnapshot(now, "starting", 0, 0, 0, Map.of(), 0, 0, 0, 0, this.usage.requests(),
					this.usage.rateLimited(), 0, null, "");
		}
		Execution execution = executions.get(0);
		String stage = this.jdbc.sql("""
				SELECT STEP_NAME FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ?
				ORDER BY STEP_EXECUTION_ID DESC FETCH FIRST 1 ROWS ONLY""")
			.param(execution.id())
			.query(String.class)
			.optional()
			.map(ProgressProbe::stage)
			.orElse("starting");
		long run = this.jdbc
			.sql("""
					SELECT PARAMETER_VALUE FROM BATCH_JOB_EXECUTION_PARAMS WHERE JOB_EXECUTION_ID = ? AND PARAMETER_NAME = 'run'""")
			.param(execution.id())
			.query(String.class)
			.optional()
			.map(Long::parseLong)
			.orElse(0L);
		Rows current = rows(execution.instanceId());
		this.storedBefore.putIfAbsent(execution.instanceId(), current.stored);
		long generated = 0;
		long credits = 0;
		long stored = 0;
		for (Map.Entry<Long, Long> seen : this.storedBefore.entrySet()) {
			Rows rows = (seen.getKey() == execution.instanceId()) ? current : rows(seen.getKey());
			generated += rows.generated;
			credits += rows.credits;
			stored += rows.stored - seen.getValue();
		}
		double minutes = Math.max(Duration.between(this.commandStart, now).toMillis(), 1) / 60000.0;
		// Images this command made, or stored when it made none (a night that collects).
		double perMinute = Math.max(generated, stored) / minutes;
		long remaining = current.total - current.done;
		Duration eta = null;
		String note = "";
		if (perMinute > 0) {
			eta = Duration.ofSeconds((long) Math.ceil(remaining / perMinute * 60));
			long requests = this.usage.requests();
			Long quotaLeft = number(this.usage.quotaRemaining());
			Instant reset = instant(this.usage.quotaResetsAt());
			long images = Math.max(generated, stored);
			if (quotaLeft != null && reset != null && images > 0 && reset.isAfter(now)) {
				double requestsPerImage = (double) requests / images;
				long withinQuota = (long) Math.floor(quotaLeft / requestsPerImage);
				if (withinQuota < remaining) {
					// The rows past today's quota wait for its reset, then go at the
					// pace.
					eta = Duration.between(now, reset)
						.plusSeconds((long) Math.ceil((remaining - withinQuota) / perMinute * 60));
					note = "the daily quota runs out first and resets at " + reset;
				}
			}
		}
		return new ProgressSnapshot(now, stage, run, current.total, current.done, current.byStatus, generated,
				current.reused, current.failed, credits, this.usage.requests(), this.usage.rateLimited(), perMinute,
				eta, note);
	}

	private Rows rows(long instanceId) {
		Rows rows = new Rows();
		this.jdbc.sql("""
				SELECT STATUS, COUNT(*), COUNT(CASE WHEN GENERATED_AT >= ? THEN 1 END),
				  COALESCE(SUM(CASE WHEN GENERATED_AT >= ? THEN CREDITS END), 0), COUNT(REUSED_FROM)
				FROM FLUX_ROW WHERE JOB_INSTANCE_ID = ? GROUP BY STATUS""")
			.params(Timestamp.from(this.commandStart), Timestamp.from(this.commandStart), instanceId)
			.query((rs) -> {
				String status = rs.getString(1);
				long count = rs.getLong(2);
				rows.total += count;
				if (FINAL.contains(status)) {
					rows.done += count;
				}
				if (RowStatus.DOWNLOADED.name().equals(status)) {
					rows.stored += count;
				}
				if (RowStatus.FAILED.name().equals(status)) {
					rows.failed += count;
				}
				rows.generated += rs.getLong(3);
				rows.credits += rs.getLong(4);
				rows.reused += rs.getLong(5);
				rows.byStatus.merge(RowStatus.valueOf(status).resultStatus(), count, Long::sum);
			});
		return rows;
	}

	/** {@code submitPromptsStep} becomes {@code submit}. */
	static String stage(String stepName) {
		String name = stepName.endsWith("Step") ? stepName.substring(0, stepName.length() - 4) : stepName;
		for (int i = 1; i < name.length(); i++) {
			if (Character.isUpperCase(name.charAt(i))) {
				name = name.substring(0, i);
				break;
			}
		}
		return switch (name) {
			case "share", "check" -> "finish";
			default -> name;
		};
	}

	private static Long number(String value) {
		try {
			return (value != null) ? Long.parseLong(value.strip()) : null;
		}
		catch (NumberFormatException notANumber) {
			return null;
		}
	}

	private static Instant instant(String value) {
		try {
			return (value != null) ? Instant.parse(value.strip()) : null;
		}
		catch (DateTimeParseException notATime) {
			return null;
		}
	}

	private record Execution(long id, long instanceId) {
	}

	private static final class Rows {

		long total;

		long done;

		long stored;

		long failed;

		long generated;

		long credits;

		long reused;

		final Map<String, Long> byStatus = new TreeMap<>();

	}

}
