package io.fluxbatch.prompt;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The aspect ratios the API accepts, 1:1 when neither the cell nor the defaults say.
 */
final class AspectRatioRule {

	private static final List<String> RATIOS = List.of("1:1", "16:9", "9:16", "4:3", "3:4", "3:2", "2:3", "auto");

	private static final String AUTO = "auto";

	// Spreadsheets turn 16:9 typed in a cell into the time 16:09.
	private static final Pattern TIME = Pattern.compile("\\d{1,2}:\\d{2}(:\\d{2})?(\\s*[AaPp][Mm])?");

	private AspectRatioRule() {
	}

	static String resolve(Setting setting) throws RowRejection {
		if (setting.isEmpty()) {
			return "1:1";
		}
		String ratio = setting.value();
		if (ratio.equalsIgnoreCase(AUTO)) {
			return AUTO;
		}
		if (RATIOS.contains(ratio)) {
			return ratio;
		}
		String hint = TIME.matcher(ratio).matches()
				? " (it looks like a time: format the column as text in the spreadsheet)" : "";
		throw new RowRejection("aspect ratio " + setting.quoted()
				+ " is not supported; use 1:1, 16:9, 9:16, 4:3, 3:4, 3:2, 2:3 or auto" + hint);
	}

}
