package io.fluxbatch.csv;

import java.util.ArrayList;
import java.util.List;

/**
 * Packs a row's cells into one string for a database column, and back, losslessly: any
 * text survives, including quotes, commas, line breaks and empty cells.
 *
 * <p>
 * Each cell is written as its length, a colon, the text and a comma (like a netstring),
 * so no character ever needs escaping and an empty list stays distinct from one empty
 * cell.
 */
public final class CellCodec {

	private CellCodec() {
	}

	/**
	 * Packs cells into one string.
	 * @param cells the cells, none of them {@code null}
	 * @return the packed form
	 */
	public static String encode(List<String> cells) {
		StringBuilder packed = new StringBuilder();
		for (String cell : cells) {
			if (cell == null) {
				throw new IllegalArgumentException("cells must not be null");
			}
			packed.append(cell.length()).append(':').append(cell).append(',');
		}
		return packed.toString();
	}

	/**
	 * Unpacks what {@link #encode(List)} produced.
	 * @param packed the packed form
	 * @return the cells
	 * @throws IllegalArgumentException if {@code packed} was not produced by
	 * {@link #encode(List)}
	 */
	public static List<String> decode(String packed) {
		List<String> cells = new ArrayList<>();
		int position = 0;
		while (position < packed.length()) {
			int colon = packed.indexOf(':', position);
			if (colon <= position) {
				throw corrupt(packed);
			}
			int length = parseLength(packed, position, colon);
			int end = colon + 1 + length;
			if (end >= packed.length() || packed.charAt(end) != ',') {
				throw corrupt(packed);
			}
			cells.add(packed.substring(colon + 1, end));
			position = end + 1;
		}
		return List.copyOf(cells);
	}

	private static int parseLength(String packed, int start, int end) {
		for (int i = start; i < end; i++) {
			if (packed.charAt(i) < '0' || packed.charAt(i) > '9') {
				throw corrupt(packed);
			}
		}
		try {
			return Integer.parseInt(packed, start, end, 10);
		}
		catch (NumberFormatException ex) {
			throw corrupt(packed);
		}
	}

	private static IllegalArgumentException corrupt(String packed) {
		String start = (packed.length() > 40) ? packed.substring(0, 40) + "..." : packed;
		return new IllegalArgumentException("not a packed list of cells: \"" + start + "\"");
	}

}
