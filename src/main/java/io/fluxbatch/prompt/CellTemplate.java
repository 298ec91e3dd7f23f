package io.fluxbatch.prompt;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.fluxbatch.csv.CsvInputException;
import io.fluxbatch.csv.CsvRecord;

/**
 * A text built from a row's cells, such as {@code Product photo of {Title} in {Option1
 * Value|natural}}: each {@code {Column}} names a header as written in the file, and takes
 * that cell's text (HTML reduced to what it shows); {@code |} gives the text for an empty
 * cell. {@code {{} and {@code }}} write braces.
 */
final class CellTemplate {

	private final String source;

	private final List<Part> parts;

	private CellTemplate(String source, List<Part> parts) {
		this.source = source;
		this.parts = parts;
	}

	/**
	 * Parses a template against a header.
	 * @param what the setting's name, for messages ({@code --prompt-template})
	 * @throws CsvInputException naming a field that no header has, or a brace left open
	 */
	static CellTemplate parse(String what, String template, List<String> header) {
		List<Part> parts = new ArrayList<>();
		StringBuilder literal = new StringBuilder();
		for (int i = 0; i < template.length(); i++) {
			char c = template.charAt(i);
			if ((c == '{' || c == '}') && i + 1 < template.length() && template.charAt(i + 1) == c) {
				literal.append(c);
				i++;
			}
			else if (c == '{') {
				int end = template.indexOf('}', i);
				if (end < 0) {
					throw new CsvInputException(what + " \"" + template + "\" has a { that no } closes;"
							+ " write {{ for a brace of its own");
				}
				parts.add(new Part(literal.toString(), null, -1, null));
				literal.setLength(0);
				parts.add(field(what, template.substring(i + 1, end), header));
				i = end;
			}
			else {
				literal.append(c);
			}
		}
		parts.add(new Part(literal.toString(), null, -1, null));
		return new CellTemplate(template, parts.stream().filter((part) -> !part.isEmpty()).toList());
	}

	private static Part field(String what, String field, List<String> header) {
		int bar = field.indexOf('|');
		String name = ((bar >= 0) ? field.substring(0, bar) : field).strip();
		String fallback = (bar >= 0) ? field.substring(bar + 1) : null;
		int index = header.indexOf(name);
		if (index < 0) {
			for (int i = 0; i < header.size() && index < 0; i++) {
				if (header.get(i).equalsIgnoreCase(name)) {
					index = i;
				}
			}
		}
		if (index < 0) {
			throw new CsvInputException(what + " names {" + name + "}, but no column is called '" + name
					+ "' (columns: " + String.join(", ", header) + ")");
		}
		return new Part("", header.get(index), index, fallback);
	}

	/** The columns the template reads, in order. */
	Set<String> columns() {
		Set<String> columns = new LinkedHashSet<>();
		this.parts.stream().filter(Part::isField).forEach((part) -> columns.add(part.column()));
		return columns;
	}

	Set<Integer> indexes() {
		Set<Integer> indexes = new LinkedHashSet<>();
		this.parts.stream().filter(Part::isField).forEach((part) -> indexes.add(part.index()));
		return indexes;
	}

	@Override
	public String toString() {
		return this.source;
	}

	/**
	 * Fills the template from a record.
	 * @return the text, or why it cannot be filled
	 */
	Filled fill(CsvRecord record) {
		StringBuilder text = new StringBuilder();
		List<String> empty = new ArrayList<>();
		boolean anyCell = false;
		for (Part part : this.parts) {
			if (!part.isField()) {
				text.append(part.literal());
				continue;
			}
			String cell = HtmlText.of(record.cell(part.index())).strip();
			if (!cell.isEmpty()) {
				anyCell = true;
				String error = SpreadsheetValueRule.errorValue(cell);
				if (error != null) {
					return new Filled(null, false, "column '" + part.column() + "' holds the spreadsheet error " + error
							+ ": fix the formula or the value it uses, and export again");
				}
				text.append(cell);
			}
			else if (part.fallback() != null) {
				text.append(part.fallback());
			}
			else {
				empty.add("{" + part.column() + "}");
			}
		}
		if (!anyCell) {
			return new Filled(null, true, null);
		}
		if (!empty.isEmpty()) {
			return new Filled(null, false,
					"empty " + String.join(", ", empty) + " for \"" + this.source + "\": fill "
							+ ((empty.size() == 1) ? "it" : "them") + ", or give a default such as {"
							+ empty.get(0).substring(1, empty.get(0).length() - 1) + "|...}");
		}
		return new Filled(text.toString().strip().replaceAll("[ \\t]{2,}", " "), false, null);
	}

	/**
	 * What a template made of a row.
	 *
	 * @param text the filled text, or {@code null}
	 * @param allEmpty whether every field's cell was empty (an image-only row of an
	 * export)
	 * @param problem why it could not be filled, or {@code null}
	 */
	record Filled(String text, boolean allEmpty, String problem) {
	}

	private record Part(String literal, String column, int index, String fallback) {

		boolean isField() {
			return this.column != null;
		}

		boolean isEmpty() {
			return !isField() && this.literal.isEmpty();
		}

	}

}
