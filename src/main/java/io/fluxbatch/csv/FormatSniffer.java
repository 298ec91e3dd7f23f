package io.fluxbatch.csv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Tells what kind of file an input is from its first bytes, so a workbook is read as one
 * and a document we do not read gets "save it as CSV" instead of a CSV parse error.
 */
final class FormatSniffer {

	private static final int HEAD = 4096;

	private static final String ODS_MIME_TYPE = "application/vnd.oasis.opendocument.spreadsheet";

	private FormatSniffer() {
	}

	/** What an input file is. */
	enum Kind {

		/** Delimited text. */
		CSV,

		/** An Office Open XML workbook. */
		XLSX

	}

	/**
	 * @throws CsvInputException for an OpenDocument spreadsheet (zipped or flat), an HTML
	 * page, an Excel XML spreadsheet or a zip archive that is no workbook
	 */
	static Kind kind(Path file) {
		byte[] head = head(file);
		if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
			return zipped(file);
		}
		String text = new String(head, StandardCharsets.ISO_8859_1).replace("\u00EF\u00BB\u00BF", "")
			.stripLeading()
			.toLowerCase(Locale.ROOT);
		if (text.startsWith("<?xml") && text.contains("office:document")) {
			throw notRead(file, "a flat OpenDocument spreadsheet (.fods)");
		}
		if (text.startsWith("<?xml") && text.contains("progid=\"excel.sheet\"")) {
			throw notRead(file, "an Excel XML spreadsheet");
		}
		if (text.startsWith("<!doctype html") || text.startsWith("<html") || text.startsWith("<table")
				|| (text.startsWith("<?xml") && text.contains("<html"))) {
			throw notRead(file, "an HTML page (a workbook saved as a web page)");
		}
		return Kind.CSV;
	}

	private static Kind zipped(Path file) {
		try (ZipFile zip = new ZipFile(file.toFile())) {
			if (zip.getEntry("xl/workbook.xml") != null) {
				return Kind.XLSX;
			}
			ZipEntry mimeType = zip.getEntry("mimetype");
			if (mimeType != null) {
				try (InputStream in = zip.getInputStream(mimeType)) {
					if (new String(in.readNBytes(200), StandardCharsets.US_ASCII).startsWith(ODS_MIME_TYPE)) {
						throw notRead(file, "an OpenDocument spreadsheet (.ods)");
					}
				}
			}
			throw notRead(file, "a zip archive, not a workbook we read");
		}
		catch (IOException ex) {
			throw new CsvInputException(TextFileChecks.describe(file)
					+ " is a zipped file that cannot be opened (a damaged"
					+ " workbook?); in the spreadsheet, save it as .xlsx again, or save the sheet as \"CSV UTF-8\"");
		}
	}

	private static CsvInputException notRead(Path file, String what) {
		return new CsvInputException(TextFileChecks.describe(file) + " is " + what
				+ ", which is not read directly; in the spreadsheet, save it as .xlsx, or save the sheet as \"CSV UTF-8\"");
	}

	private static byte[] head(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			return in.readNBytes(HEAD);
		}
		catch (IOException ex) {
			throw TextFileChecks.cannotRead(file, ex);
		}
	}

}
