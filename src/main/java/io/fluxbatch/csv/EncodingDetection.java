package io.fluxbatch.csv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the encoding of an input file from what it provably is, never from a blind guess:
 * a byte order mark names it; a file that decodes as UTF-8 is UTF-8 (text in a legacy
 * encoding almost never does); a file with no UTF-8 character at all is read as
 * Windows-1252, the encoding of Excel's plain "CSV" on Windows. A file with both UTF-8
 * characters and bytes that are not is a damaged UTF-8 file, and is refused rather than
 * read as garbage. An 8-bit file that does not read plainly as Windows-1252 (Mac Roman,
 * ISO-8859-15) is refused too, showing its text both ways ({@link EightBitEncodings}).
 * Workbooks and other binary files are named, so the message says what to do instead.
 */
final class EncodingDetection {

	static final Charset WINDOWS_1252 = EightBitEncodings.WINDOWS_1252;

	private static final int SAMPLE = 64 * 1024;

	private EncodingDetection() {
	}

	/**
	 * Returns the file's format with the delimiter still to be sniffed.
	 * @throws CsvInputException if the file is not text, or text in no encoding we read
	 */
	static CsvFormat detect(Path file, Charset requested) {
		if (requested != null) {
			TextFileChecks.requireDecodable(file, requested);
			return new CsvFormat(requested, ',', "as requested");
		}
		byte[] head = head(file);
		Optional<CsvFormat> marked = byteOrderMark(head);
		if (marked.isPresent()) {
			return marked.get();
		}
		requireText(file, head);
		Optional<CsvFormat> utf16 = utf16WithoutMark(head);
		if (utf16.isPresent()) {
			TextFileChecks.requireDecodable(file, utf16.get().charset());
			return utf16.get();
		}
		Optional<String> notUtf8 = TextFileChecks.firstUndecodableText(file);
		if (notUtf8.isEmpty()) {
			return new CsvFormat(StandardCharsets.UTF_8, ',', "detected");
		}
		int[] utf8Lines = TextFileChecks.utf8Lines(file);
		if (utf8Lines[0] > 0 && utf8Lines[0] >= utf8Lines[1]) {
			throw new CsvInputException(TextFileChecks.describe(file) + " is not valid UTF-8: " + notUtf8.get() + " ("
					+ utf8Lines[0] + " other lines with accents or symbols are UTF-8); save the file as \"CSV UTF-8\""
					+ " again, or name its encoding with --encoding");
		}
		Optional<String> notWindows1252 = TextFileChecks.firstUndecodable(file, WINDOWS_1252);
		if (notWindows1252.isPresent()) {
			String found = EightBitEncodings.suggestion(head)
				.orElse("save the file as \"CSV UTF-8\", or name its encoding with --encoding");
			throw new CsvInputException(TextFileChecks.describe(file) + " is neither UTF-8 nor Windows-1252: "
					+ notWindows1252.get() + "; " + found);
		}
		EightBitEncodings.choose(file, head);
		return new CsvFormat(WINDOWS_1252, ',',
				"not UTF-8, as " + notUtf8.get() + "; name another encoding with --encoding if the text looks wrong");
	}

	private static Optional<CsvFormat> byteOrderMark(byte[] head) {
		if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
			return Optional.of(new CsvFormat(StandardCharsets.UTF_8, ',', "byte order mark"));
		}
		if (startsWith(head, 0xFF, 0xFE)) {
			return Optional.of(new CsvFormat(StandardCharsets.UTF_16LE, ',', "byte order mark"));
		}
		if (startsWith(head, 0xFE, 0xFF)) {
			return Optional.of(new CsvFormat(StandardCharsets.UTF_16BE, ',', "byte order mark"));
		}
		return Optional.empty();
	}

	/** Workbooks and documents that people pick by mistake, named for the message. */
	private static void requireText(Path file, byte[] head) {
		String what = null;
		if (startsWith(head, 'P', 'K', 3, 4)) {
			what = "a zipped workbook (.xlsx or .ods)";
		}
		else if (startsWith(head, 0xD0, 0xCF, 0x11, 0xE0)) {
			what = "an Excel 97-2003 workbook (.xls)";
		}
		else if (startsWith(head, '%', 'P', 'D', 'F')) {
			what = "a PDF document";
		}
		if (what != null) {
			throw new CsvInputException(TextFileChecks.describe(file) + " is " + what
					+ ", not a CSV; in the spreadsheet, save or download the sheet as \"CSV UTF-8\"");
		}
	}

	/**
	 * Text in UTF-16 has a NUL beside nearly every Latin character; any other NUL means
	 * the file is not text at all.
	 */
	private static Optional<CsvFormat> utf16WithoutMark(byte[] head) {
		int evenNuls = 0;
		int oddNuls = 0;
		for (int i = 0; i < head.length; i++) {
			if (head[i] == 0) {
				if (i % 2 == 0) {
					evenNuls++;
				}
				else {
					oddNuls++;
				}
			}
		}
		if (evenNuls + oddNuls == 0) {
			return Optional.empty();
		}
		int pairs = head.length / 2;
		if (evenNuls == 0 && oddNuls >= pairs / 2) {
			return Optional.of(new CsvFormat(StandardCharsets.UTF_16LE, ',', "detected, no byte order mark"));
		}
		if (oddNuls == 0 && evenNuls >= pairs / 2) {
			return Optional.of(new CsvFormat(StandardCharsets.UTF_16BE, ',', "detected, no byte order mark"));
		}
		return Optional.empty();
	}

	private static boolean startsWith(byte[] bytes, int... prefix) {
		if (bytes.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if ((bytes[i] & 0xFF) != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	private static byte[] head(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			return in.readNBytes(SAMPLE);
		}
		catch (IOException ex) {
			throw TextFileChecks.cannotRead(file, ex);
		}
	}

}
