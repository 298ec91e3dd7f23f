package io.fluxbatch.prompt;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Derives from a row's key a file name that is safe on every system: no path, no hidden
 * file, no name Windows reserves.
 */
final class SafeFileName {

	static final int MAX_LENGTH = 100;

	private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]");

	private static final Pattern UNDERSCORES = Pattern.compile("_+");

	private static final Pattern LEADING_DOTS = Pattern.compile("^\\.+");

	// Windows refuses these as file names even with an extension.
	private static final Pattern WINDOWS_RESERVED = Pattern.compile("(?i)(CON|PRN|AUX|NUL|COM[1-9]|LPT[1-9])(\\..*)?");

	private SafeFileName() {
	}

	/**
	 * Returns the file name for a key, without extension.
	 * @param key the row's key
	 * @return the file name, or empty when nothing usable is left of the key
	 */
	static Optional<String> of(String key) {
		String name = UNSAFE.matcher(key).replaceAll("_");
		name = UNDERSCORES.matcher(name).replaceAll("_");
		name = LEADING_DOTS.matcher(name).replaceFirst("");
		if (WINDOWS_RESERVED.matcher(name).matches()) {
			name = "_" + name;
		}
		if (name.length() > MAX_LENGTH) {
			name = name.substring(0, MAX_LENGTH);
		}
		return name.isEmpty() ? Optional.empty() : Optional.of(name);
	}

}
