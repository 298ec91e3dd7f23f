package io.fluxbatch.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * The columns of results.csv: the input's own, then ours. An input column named like one
 * of ours (for example {@code Model}) is written once, where the user put it, holding the
 * value used.
 */
final class ResultColumns {

	private static final List<Column> OURS = List.of(new Column("row", (r) -> Integer.toString(r.row())),
			new Column("key", ResultRow::key), new Column("status", ResultRow::status),
			new Column("model", ResultRow::model), new Column("resolution", ResultRow::resolution),
			new Column("aspect_ratio", ResultRow::aspectRatio), new Column("task_id", ResultRow::taskId),
			new Column("output_url", ResultRow::outputUrl), new Column("file", ResultRow::file),
			new Column("width", (r) -> text(r.width())), new Column("height", (r) -> text(r.height())),
			new Column("bytes", (r) -> text(r.bytes())), new Column("sha256", ResultRow::sha256),
			new Column("credits", (r) -> text(r.credits())),
			new Column("attempts", (r) -> Integer.toString(r.attempts())), new Column("error", ResultRow::error),
			new Column("duplicate_risk", (r) -> r.duplicateRisk() ? "yes" : ""),
			new Column("reused_from", ResultRow::reusedFrom),
			new Column("failed_generations", (r) -> Integer.toString(r.failedGenerations())));

	private final List<String> inputHeader;

	private final @Nullable Column[] replacing;

	private final List<Column> appended = new ArrayList<>();

	ResultColumns(List<String> inputHeader) {
		this.inputHeader = inputHeader;
		this.replacing = new Column[inputHeader.size()];
		for (Column ours : OURS) {
			int at = indexOf(inputHeader, ours.name());
			if (at >= 0) {
				this.replacing[at] = ours;
			}
			else {
				this.appended.add(ours);
			}
		}
	}

	List<String> header() {
		List<String> header = new ArrayList<>(this.inputHeader);
		this.appended.forEach((column) -> header.add(column.name()));
		return header;
	}

	List<String> values(ResultRow row) {
		List<String> values = new ArrayList<>(this.inputHeader.size() + this.appended.size());
		for (int i = 0; i < this.inputHeader.size(); i++) {
			String used = (this.replacing[i] != null) ? this.replacing[i].value(row) : "";
			// A rejected row used nothing: it keeps what the user wrote, so it can be
			// fixed.
			values.add(used.isEmpty() ? cell(row, i) : used);
		}
		this.appended.forEach((column) -> values.add(column.value(row)));
		return values;
	}

	static String cell(ResultRow row, int index) {
		return (index < row.cells().size()) ? row.cells().get(index) : "";
	}

	private static int indexOf(List<String> header, String name) {
		for (int i = 0; i < header.size(); i++) {
			if (normalise(header.get(i)).equals(normalise(name))) {
				return i;
			}
		}
		return -1;
	}

	private static String normalise(String name) {
		return name.toLowerCase(Locale.ROOT).replaceAll("[\\s_-]", "");
	}

	private static String text(@Nullable Object value) {
		return (value != null) ? value.toString() : "";
	}

	private record Column(String name, Function<ResultRow, @Nullable String> getter) {

		String value(ResultRow row) {
			String value = this.getter.apply(row);
			return (value != null) ? value : "";
		}

	}

}
