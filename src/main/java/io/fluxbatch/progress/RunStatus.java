package io.fluxbatch.progress;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.fluxbatch.library.FileHashes;
import io.fluxbatch.review.ReviewStore;
import io.fluxbatch.rows.RowStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * What {@code status} prints: the commands a job database remembers, newest first, and
 * for one output folder where its latest run stands and what the next command would do. A
 * living run holds the database, so its figures come from its progress.json instead.
 */
public final class RunStatus {

	/** The job database's file in its folder. */
	public static final String DATABASE_FILE = "flux-batch.mv.db";

	private static final int REASONS_SHOWN = 5;

	private RunStatus() {
	}

	/**
	 * Prints the status of the database in {@code databaseFolder}.
	 * @param output the output folder to describe in detail, or {@code null}
	 * @return whether there was a database to describe
	 */
	public static boolean print(Path databaseFolder, Path output, PrintWriter out) {
		if (!Files.isRegularFile(databaseFolder.resolve(DATABASE_FILE))) {
			return false;
		}
		out.println("job database: " + databaseFolder);
		Optional<ProgressFile.Content> progress = ProgressFile.read(databaseFolder);
		if (progress.isPresent() && progress.get().running()) {
			printLive(progress.get(), out);
			out.println("the living run holds the job database: the history shows once it ends");
			return true;
		}
		try (Connection connection = DriverManager.getConnection(url(databaseFolder), "sa", "")) {
			JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
			printHistory(jdbc, out);
			if (output != null) {
				printDetail(jdbc, output.toAbsolutePath().normalize().toString(), out);
			}
		}
		catch (SQLException failure) {
			if (DatabaseInUse.causedBy(failure)) {
				out.println("a run is starting or ending and holds the job database: ask again in a moment");
				progress.ifPresent((content) -> printLive(content, out));
				return true;
			}
			throw new IllegalStateException("cannot read the job database: "
					+ String.valueOf(failure.getMessage()).lines().findFirst().orElse(""), failure);
		}
		return true;
	}

	private static String url(Path databaseFolder) {
		// Read only: status never changes a run's database, nor writes a trace file.
		return "jdbc:h2:file:" + databaseFolder.toAbsolutePath().resolve("flux-batch")
				+ ";IFEXISTS=TRUE;ACCESS_MODE_DATA=r;TRACE_LEVEL_FILE=0";
	}

	private static void printLive(ProgressFile.Content live, PrintWriter out) {
		ProgressSnapshot now = live.progress();
		out.println("running: pid " + live.pid() + ", started " + seconds(live.startedAt()) + ", " + live.input()
				+ " -> " + live.output());
		out.println("  run " + now.run() + ", stage " + now.stage() + " at " + seconds(now.at()) + ": " + now.line());
		if (!now.rowsByStatus().isEmpty()) {
			out.println("  rows by status: " + now.describeRows());
		}
	}

	private static void printHistory(JdbcClient jdbc, PrintWriter out) {
		List<CommandHistory.Entry> entries = new CommandHistory(jdbc).entries(null);
		if (entries.isEmpty()) {
			out.println("no command recorded yet");
			return;
		}
		out.println("commands, newest first:");
		for (CommandHistory.Entry entry : entries) {
			out.println("  #" + entry.id() + " run " + ((entry.run() != null) ? entry.run() : "?") + ": "
					+ entry.input() + " -> " + entry.output());
			out.println("      started " + seconds(entry.startedAt()) + ", ended "
					+ ((entry.endedAt() != null) ? seconds(entry.endedAt()) : "-") + ": " + outcome(entry));
			if (entry.rows() != null) {
				out.println("      rows " + entry.rows() + "; credits " + entry.credits() + "; requests "
						+ entry.requests() + " (429: " + entry.rateLimited() + ")");
			}
		}
	}

	private static String outcome(CommandHistory.Entry entry) {
		if (entry.outcome() != null) {
			return entry.outcome() + " (exit " + entry.exitCode() + ")";
		}
		boolean alive = ProcessHandle.of(entry.pid()).map(ProcessHandle::isAlive).orElse(false);
		return alive ? "running (pid " + entry.pid() + ")" : "interrupted: its process is gone (no exit code)";
	}

	private static void printDetail(JdbcClient jdbc, String output, PrintWriter out) {
		Optional<Long> execution = jdbc
			.sql("""
					SELECT MAX(e.JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_EXECUTION_PARAMS p
					  ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND p.PARAMETER_NAME = 'output' AND p.PARAMETER_VALUE = ?""")
			.param(output)
			.query(Long.class)
			.optional();
		if (execution.isEmpty() || execution.get() == null) {
			out.println("no run over " + output + " in this database");
			return;
		}
		long executionId = execution.get();
		long instanceId = jdbc.sql("SELECT JOB_INSTANCE_ID FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?")
			.param(executionId)
			.query(Long.class)
			.single();
		String status = jdbc.sql("SELECT STATUS FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?")
			.param(executionId)
			.query(String.class)
			.single();
		Map<String, String> parameters = new TreeMap<>();
		jdbc.sql("SELECT PARAMETER_NAME, PARAMETER_VALUE FROM BATCH_JOB_EXECUTION_PARAMS WHERE JOB_EXECUTION_ID = ?")
			.param(executionId)
			.query((rs) -> {
				parameters.put(rs.getString(1), rs.getString(2));
			});
		String run = parameters.get("run");
		out.println("latest run over " + output + ": run " + run + " of " + parameters.get("input") + ", "
				+ status.toLowerCase(java.util.Locale.ROOT));
		Map<String, Long> byStatus = new TreeMap<>();
		jdbc.sql("SELECT STATUS, COUNT(*) FROM FLUX_ROW WHERE JOB_INSTANCE_ID = ? GROUP BY STATUS")
			.param(instanceId)
			.query((rs) -> {
				byStatus.merge(RowStatus.valueOf(rs.getString(1)).resultStatus(), rs.getLong(2), Long::sum);
			});
		long rows = byStatus.values().stream().mapToLong(Long::longValue).sum();
		out.println("  rows: " + rows + " (" + describe(byStatus) + ")");
		long pending = byStatus.getOrDefault("PENDING", 0L);
		if (pending > 0) {
			out.println("  why " + pending + " rows are PENDING:");
			jdbc.sql("""
					SELECT COALESCE(ERROR, 'not reached yet by the steps'), COUNT(*) FROM FLUX_ROW
					WHERE JOB_INSTANCE_ID = ? AND STATUS IN ('NEW', 'SUBMITTING', 'SUBMITTED', 'GENERATED')
					GROUP BY COALESCE(ERROR, 'not reached yet by the steps') ORDER BY COUNT(*) DESC""")
				.param(instanceId)
				.query((rs, n) -> "    " + rs.getLong(2) + " rows: " + shortened(rs.getString(1)))
				.list()
				.stream()
				.limit(REASONS_SHOWN)
				.forEach(out::println);
		}
		long[] reviews = reviews(jdbc, output, instanceId);
		if (reviews[0] + reviews[1] + reviews[2] > 0) {
			out.println("  reviews: " + reviews[0] + " approved, " + reviews[1] + " rejected to be generated again, "
					+ reviews[2] + " rejected and since generated again");
		}
		out.println("  next command: " + next(status, run, parameters, pending, reviews[1]));
	}

	/** Approved (of the image standing), rejected waiting, rejected since regenerated. */
	private static long[] reviews(JdbcClient jdbc, String output, long instanceId) {
		ReviewStore.Counts counts = new ReviewStore(jdbc).counts(output);
		return new long[] { counts.approved(), counts.rejectedWaiting(), counts.rejectedDone() };
	}

	private static String next(String status, String run, Map<String, String> parameters, long pending, long rejected) {
		String input = parameters.get("input");
		boolean changed = inputChanged(input, parameters.get("input.sha256"));
		if ("COMPLETED".equals(status) || "ABANDONED".equals(status)) {
			if (changed) {
				return "start a new run over " + input + ", which changed since run " + run
						+ " (unchanged prompts are taken from the library)";
			}
			if (rejected > 0) {
				return "start a new run that generates the " + rejected
						+ " rejected images again and reuses the others from the library";
			}
			return "nothing to do: every row is final (a new run would reuse every image from the library and pay "
					+ "nothing)";
		}
		if (changed) {
			return "start over: " + input + " changed since run " + run
					+ " started; its paid tasks are collected first, then a new run over the current file";
		}
		return "continue run " + run + " (" + pending + " rows to finish)";
	}

	private static boolean inputChanged(String input, String sha256) {
		try {
			return input == null || sha256 == null || !Files.isRegularFile(Path.of(input))
					|| !FileHashes.sha256(Path.of(input)).equals(sha256);
		}
		catch (java.io.IOException | RuntimeException unreadable) {
			return true;
		}
	}

	private static String describe(Map<String, Long> byStatus) {
		StringBuilder text = new StringBuilder();
		byStatus.forEach((status,
				count) -> text.append((text.length() > 0) ? ", " : "").append(status).append(' ').append(count));
		return text.toString();
	}

	private static String shortened(String reason) {
		String line = reason.replaceAll("\\R", " ");
		return (line.length() > 200) ? line.substring(0, 199) + "…" : line;
	}

	private static String seconds(Instant at) {
		return (at != null) ? at.truncatedTo(ChronoUnit.SECONDS).toString() : "-";
	}

}
