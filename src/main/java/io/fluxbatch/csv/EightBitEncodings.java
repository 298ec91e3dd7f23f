package io.fluxbatch.csv;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Chooses the encoding of a file that is not UTF-8 among those spreadsheets write without
 * saying so: Windows-1252 (Excel on Windows), Mac Roman (Excel on a Mac), ISO-8859-15
 * (LibreOffice's "Western Europe (ISO-8859-15)") and Shift_JIS. All three 8-bit ones
 * decode any byte, so the choice is made on how the text reads: a capital letter inside a
 * lower-case word ({@code CafŽ}), a symbol between two letters ({@code na•ve}), a
 * currency sign nobody writes ({@code ¤}) or a control character give a decoding away. A
 * file is read as Windows-1252 only when that reading has none of these; otherwise it is
 * uncertain, and the user is shown the text both ways and asked to name the encoding.
 */
final class EightBitEncodings {

	static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	private static final List<Charset> OTHERS = List.of(Charset.forName("ISO-8859-15"), Charset.forName("x-MacRoman"),
			Charset.forName("Shift_JIS"));

	/** Signs that text in Latin scripts almost never holds. */
	private static final String UNLIKELY = "¤¦¨¸¼½¾¯¬¶ªº±÷◊ıˆ˜˘˙˚˝˛ˇ†‡‰ƒ";

	/** Signs that stand between two letters in real words. */
	private static final String WITHIN_WORDS = "’‘´·–—\u00AD";

	private EightBitEncodings() {
	}

	/**
	 * The file's encoding when it is plainly Windows-1252.
	 * @param bytes the file's first bytes
	 * @throws CsvInputException naming the likelier encoding, with the text both ways
	 */
	static Charset choose(Path file, byte[] bytes) {
		String asWindows = decode(bytes, WINDOWS_1252).orElse(null);
		int windowsOdd = (asWindows != null) ? oddities(asWindows) : Integer.MAX_VALUE;
		if (windowsOdd == 0) {
			return WINDOWS_1252;
		}
		Charset best = null;
		String bestText = null;
		int bestOdd = Integer.MAX_VALUE;
		for (Charset other : OTHERS) {
			Optional<String> text = decode(bytes, other);
			if (text.isPresent() && oddities(text.get()) < bestOdd) {
				best = other;
				bestText = text.get();
				bestOdd = oddities(text.get());
			}
		}
		if (best == null || bestOdd >= windowsOdd) {
			return WINDOWS_1252;
		}
		int line = firstLineWithOddity(asWindows);
		throw new CsvInputException(TextFileChecks.describe(file) + " is not UTF-8 and its encoding is uncertain: line "
				+ (line + 1) + " reads " + quoted(lineOf(asWindows, line)) + " as Windows-1252 but "
				+ quoted(lineOf(bestText, line)) + " as " + CsvFormat.encodingName(best)
				+ "; name the right one with --encoding " + best.name() + " (or --encoding windows-1252), or save the"
				+ " file as \"CSV UTF-8\"");
	}

	/** How many characters of {@code text} no real text would hold where they stand. */
	static int oddities(String text) {
		int odd = 0;
		for (int i = 0; i < text.length(); i++) {
			if (isOdd(text, i)) {
				odd++;
			}
		}
		return odd;
	}

	private static boolean isOdd(String text, int i) {
		char c = text.charAt(i);
		if (c < 0x80) {
			return false;
		}
		char before = (i > 0) ? text.charAt(i - 1) : ' ';
		char after = (i + 1 < text.length()) ? text.charAt(i + 1) : ' ';
		if (Character.isISOControl(c) || c == '\uFFFD' || UNLIKELY.indexOf(c) >= 0) {
			return true;
		}
		if (Character.isUpperCase(c) && Character.isLowerCase(before)) {
			return true;
		}
		// Latin punctuation and symbols only: CJK has its own between its letters.
		boolean latinSign = c < 0x0250 || (c >= 0x2000 && c < 0x2070);
		return latinSign && !Character.isLetter(c) && WITHIN_WORDS.indexOf(c) < 0 && Character.isLetter(before)
				&& Character.isLetter(after);
	}

	/**
	 * What a file that Windows-1252 cannot decode reads as, if one of the others reads it
	 * plainly.
	 * @return for example {@code it reads as Shift_JIS ("桜の木の下"): name it with --encoding
	 * Shift_JIS}
	 */
	static Optional<String> suggestion(byte[] bytes) {
		for (Charset other : OTHERS) {
			Optional<String> text = decode(bytes, other);
			if (text.isPresent() && oddities(text.get()) == 0 && mostlyLetters(text.get())) {
				String line = text.get()
					.lines()
					.filter((each) -> each.chars().anyMatch((c) -> c > 0x7F))
					.findFirst()
					.orElse("");
				return Optional.of("it reads as " + CsvFormat.encodingName(other) + " (" + quoted(shorter(line))
						+ "): name it with --encoding " + other.name());
			}
		}
		return Optional.empty();
	}

	private static boolean mostlyLetters(String text) {
		long beyondAscii = text.chars().filter((c) -> c > 0x7F).count();
		long letters = text.chars().filter((c) -> c > 0x7F && Character.isLetter(c)).count();
		return beyondAscii > 0 && letters * 2 >= beyondAscii;
	}

	private static String quoted(String text) {
		return "\"" + text + "\"";
	}

	private static String shorter(String text) {
		return (text.length() > 80) ? text.substring(0, 80) + "…" : text;
	}

	private static int firstLineWithOddity(String text) {
		List<String> lines = text.lines().toList();
		for (int i = 0; i < lines.size(); i++) {
			if (oddities(lines.get(i)) > 0) {
				return i;
			}
		}
		return 0;
	}

	private static String lineOf(String text, int line) {
		List<String> lines = new ArrayList<>(text.lines().toList());
		return shorter((line < lines.size()) ? lines.get(line) : "");
	}

	private static Optional<String> decode(byte[] bytes, Charset charset) {
		CharsetDecoder decoder = charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		try {
			return Optional.of(decoder.decode(ByteBuffer.wrap(bytes)).toString());
		}
		catch (CharacterCodingException ex) {
			// A sample may end inside a multi-byte character: a shorter one is tried.
			if (bytes.length > 1 && charset.name().equals("Shift_JIS")) {
				byte[] shorter = new byte[bytes.length - 1];
				System.arraycopy(bytes, 0, shorter, 0, shorter.length);
				try {
					return Optional.of(decoder.reset().decode(ByteBuffer.wrap(shorter)).toString());
				}
				catch (CharacterCodingException again) {
					return Optional.empty();
				}
			}
			return Optional.empty();
		}
	}

}
