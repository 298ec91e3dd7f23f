package io.fluxbatch;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvException;

/**
 * Reads one of the CSV files a run writes, the way a spreadsheet would: BOM, header,
 * rows.
 */
final class CsvRows {

	private CsvRows() {
	}

	static List<Map<String, String>> read(Path file) throws IOException {
		String text = Files.readString(file, StandardCharsets.UTF_8);
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		try (Reader reader = new StringReader(text);
				var csv = new CSVReaderBuilder(reader).withCSVParser(new RFC4180ParserBuilder().build()).build()) {
			List<String[]> lines = csv.readAll();
			String[] header = lines.get(0);
			List<Map<String, String>> rows = new ArrayList<>();
			for (String[] line : lines.subList(1, lines.size())) {
				Map<String, String> row = new LinkedHashMap<>();
				for (int i = 0; i < header.length; i++) {
					row.put(header[i], (i < line.length) ? line[i] : "");
				}
				rows.add(row);
			}
			return rows;
		}
		catch (CsvException malformed) {
			throw new IOException(malformed);
		}
	}

	static List<String> header(Path file) throws IOException {
		String first = Files.readString(file, StandardCharsets.UTF_8).lines().findFirst().orElse("");
		return List.of(first.replace("\uFEFF", "").split(","));
	}

}
