package io.fluxbatch.prompt;

/**
 * The resolution of a row: 1K or 2K, 1K when neither the cell nor the defaults say.
 */
final class ResolutionRule {

	private ResolutionRule() {
	}

	static Resolution resolve(Setting setting) throws RowRejection {
		if (setting.isEmpty()) {
			return Resolution.R1K;
		}
		return Resolution.fromLabel(setting.value())
			.orElseThrow(() -> new RowRejection("resolution " + setting.quoted() + " is not supported; use 1K or 2K"));
	}

}
