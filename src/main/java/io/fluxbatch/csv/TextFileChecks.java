package io.fluxbatch.csv;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Byte-level checks of an input file that the CSV parser cannot report precisely: whether
 * it is a readable text file and where its first undecodable byte is.
 */
final class TextFileChecks {

	private static final int CHUNK = 64 * 1024;

	private TextFileChecks() {
	}

	/** Quotes a path the way every message shows it. */
	static String describe(Path file) {
		return "\"" + file + "\"";
	}

	static void requireReadableFile(Path file) {
		if (!Files.exists(file)) {
			throw new CsvInputException("input file " + describe(file) + " does not exist");
		}
		if (Files.isDirectory(file)) {
			throw new CsvInputException(describe(file) + " is a directory, not a CSV file");
		}
		if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
			throw new CsvInputException(describe(file) + " cannot be read; check that it is a file you may read");
		}
	}

	static void requireNotEmpty(Path file) {
		if (size(file) == 0) {
			throw new CsvInputException(describe(file) + " is empty; export the sheet with a header row and data rows");
		}
	}

	/**
	 * Decodes the whole file strictly and fails on the first undecodable byte, naming its
	 * line.
	 */
	static void requireDecodable(Path file, Charset charset) {
		firstUndecodable(file, charset).ifPresent((where) -> {
			throw new CsvInputException(describe(file) + " is not valid " + CsvFormat.encodingName(charset) + ": "
					+ where + "; save the file as \"CSV UTF-8\" and try again");
		});
	}

	/**
	 * Decodes the whole file strictly and says where its first undecodable byte is; the
	 * parser's read-ahead buffer makes that line unknowable from a reader.
	 * @return for example {@code line 2 has byte 0xE9 that cannot be decoded}, or empty
	 * when the whole file decodes
	 */
	static Optional<String> firstUndecodable(Path file, Charset charset) {
		return firstUndecodable(file, charset, false);
	}

	/**
	 * As {@link #firstUndecodable(Path, Charset)} in UTF-8, refusing a binary file in the
	 * same pass: text encodings we read never produce NUL, while spreadsheets and images
	 * do. The file is read once, and to its end even after an undecodable byte, as a NUL
	 * further on says more about it.
	 * @throws CsvInputException if the file contains a NUL byte
	 */
	static Optional<String> firstUndecodableText(Path file) {
		return firstUndecodable(file, StandardCharsets.UTF_8, true);
	}

	private static Optional<String> firstUndecodable(Path file, Charset charset, boolean refuseNul) {
		CharsetDecoder decoder = charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.allocate(CHUNK);
		CharBuffer out = CharBuffer.allocate(CHUNK);
		LineCounter lines = new LineCounter();
		try (InputStream stream = Files.newInputStream(file)) {
			boolean endOfInput = false;
			while (!endOfInput) {
				int n = stream.read(in.array(), in.arrayOffset() + in.position(), in.remaining());
				endOfInput = n < 0;
				if (n > 0) {
					if (refuseNul) {
						requireNoNul(file, in.array(), in.arrayOffset() + in.position(), n);
					}
					in.position(in.position() + n);
				}
				in.flip();
				CoderResult result;
				do {
					result = decoder.decode(in, out, endOfInput);
					lines.count(out);
					if (result.isError()) {
						String place = place(lines.current(), in, result.length());
						if (refuseNul) {
							byte[] rest = new byte[CHUNK];
							for (int m = stream.read(rest); m >= 0; m = stream.read(rest)) {
								requireNoNul(file, rest, 0, m);
							}
						}
						return Optional.of(place);
					}
				}
				while (result.isOverflow());
				in.compact();
			}
			while (decoder.flush(out).isOverflow()) {
				out.clear();
			}
			return Optional.empty();
		}
		catch (IOException ex) {
			throw cannotRead(file, ex);
		}
	}

	private static void requireNoNul(Path file, byte[] bytes, int from, int length) {
		for (int i = from; i < from + length; i++) {
			if (bytes[i] == 0) {
				throw new CsvInputException(describe(file)
						+ " is a binary file, not a CSV (it contains NUL bytes); save the sheet as \"CSV UTF-8\"");
			}
		}
	}

	/**
	 * How many lines with bytes over 0x7F are valid UTF-8, and how many are not: a UTF-8
	 * file with one pasted line is mostly the first, a file in another encoding (whose
	 * bytes may happen to form a UTF-8 character here and there) mostly the second.
	 * @return the two counts
	 */
	static int[] utf8Lines(Path file) {
		int[] counts = new int[2];
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
			for (int b = in.read();; b = in.read()) {
				if (b < 0 || b == '\n') {
					countLine(line.toByteArray(), counts);
					line.reset();
					if (b < 0) {
						return counts;
					}
				}
				else {
					line.write(b);
				}
			}
		}
		catch (IOException ex) {
			throw cannotRead(file, ex);
		}
	}

	private static void countLine(byte[] line, int[] counts) {
		boolean nonAscii = false;
		for (byte b : line) {
			nonAscii |= b < 0;
		}
		if (!nonAscii) {
			return;
		}
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(line));
			counts[0]++;
		}
		catch (CharacterCodingException ex) {
			counts[1]++;
		}
	}

	/**
	 * Explains a decoding failure met while parsing, naming the line when the file can be
	 * scanned again.
	 */
	static CsvInputException undecodable(Path file, CsvFormat format, CharacterCodingException ex) {
		requireDecodable(file, format.charset());
		return new CsvInputException(describe(file) + " is not valid " + format.encodingName()
				+ "; save the file as \"CSV UTF-8\" and try again", ex);
	}

	static CsvInputException cannotRead(Path file, IOException ex) {
		return new CsvInputException("cannot read " + describe(file) + ": " + ex.getMessage(), ex);
	}

	private static String place(long line, ByteBuffer in, int length) {
		StringJoiner bytes = new StringJoiner(" ");
		for (int i = 0; i < length; i++) {
			bytes.add(String.format(Locale.ROOT, "0x%02X", in.get(in.position() + i) & 0xFF));
		}
		return "line " + line + " has " + ((length == 1) ? "byte " : "bytes ") + bytes + " that cannot be decoded";
	}

	private static long size(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			throw cannotRead(file, ex);
		}
	}

	/**
	 * Counts line breaks the way {@link java.io.BufferedReader#readLine()} does (LF, CRLF
	 * or a lone CR), so lines match those the parser reports.
	 */
	private static final class LineCounter {

		private long breaks;

		private boolean afterCarriageReturn;

		/** Counts and then empties the decoded characters. */
		void count(CharBuffer decoded) {
			decoded.flip();
			while (decoded.hasRemaining()) {
				char c = decoded.get();
				if (c == '\n') {
					if (!this.afterCarriageReturn) {
						this.breaks++;
					}
					this.afterCarriageReturn = false;
				}
				else {
					this.afterCarriageReturn = c == '\r';
					if (this.afterCarriageReturn) {
						this.breaks++;
					}
				}
			}
			decoded.clear();
		}

		long current() {
			return this.breaks + 1;
		}

	}

}
