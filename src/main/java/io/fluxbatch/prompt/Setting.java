package io.fluxbatch.prompt;

/**
 * A row's value for an optional column: its cell, or the job default when the cell is
 * blank; remembers which, so a reason can say a bad value came from the defaults.
 *
 * @param value the trimmed value, possibly empty
 * @param fromDefault whether the value is the job default
 */
record Setting(String value, boolean fromDefault) {

	static Setting of(String cell, String defaultValue) {
		return cell.isBlank() ? new Setting(defaultValue.strip(), true) : new Setting(cell.strip(), false);
	}

	boolean isEmpty() {
		return this.value.isEmpty();
	}

	/** The value as a reason shows it. */
	String quoted() {
		return Quoted.value(this.value) + (this.fromDefault ? " (the job default)" : "");
	}

}
