package io.fluxbatch.csv;

import java.util.ArrayList;
import java.util.List;

/**
 * Names a sheet's columns: a header cell as written, or, when it is empty, the column's
 * position as the spreadsheet shows it ({@code column D}), so a note or helper formula
 * beside the table is kept and copied to the reports rather than making its rows
 * malformed.
 */
final class Headers {

	private Headers() {
	}

	static List<String> named(List<String> cells) {
		List<String> names = new ArrayList<>(cells.size());
		for (int i = 0; i < cells.size(); i++) {
			names.add(cells.get(i).isEmpty() ? "column " + letters(i) : cells.get(i));
		}
		return List.copyOf(names);
	}

	/** A 0-based column index as a spreadsheet names it: A .. Z, AA ... */
	static String letters(int index) {
		StringBuilder name = new StringBuilder();
		for (int n = index + 1; n > 0; n = (n - 1) / 26) {
			name.insert(0, (char) ('A' + (n - 1) % 26));
		}
		return name.toString();
	}

}
