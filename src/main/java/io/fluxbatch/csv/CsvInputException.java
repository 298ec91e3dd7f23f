package io.fluxbatch.csv;

/**
 * A one-line, actionable problem with the input file, reported to the user as is (exit
 * code 2); its message never contains a stack trace.
 */
public class CsvInputException extends RuntimeException {

	public CsvInputException(String message) {
		super(oneLine(message));
	}

	public CsvInputException(String message, Throwable cause) {
		super(oneLine(message), cause);
	}

	// Messages quote the user's cells, which may hold line breaks; the user sees one
	// line.
	private static String oneLine(String message) {
		return message.replaceAll("\\R", " ");
	}

}
