package io.fluxbatch;

import java.util.List;

import io.fluxbatch.csv.CsvRecord;
import io.fluxbatch.prompt.PromptColumns;
import io.fluxbatch.prompt.PromptDefaults;
import io.fluxbatch.prompt.PromptValidator;
import io.fluxbatch.prompt.ValidatedRow;
import io.fluxbatch.run.FluxJobProperties;

/**
 * Checks the job-wide defaults before anything is read or sent: a default that is not
 * valid would reject every row that leaves its cell blank, and a night that produces
 * nothing is a usage error, not a run.
 */
final class JobDefaults {

	private JobDefaults() {
	}

	/**
	 * @throws UsageException naming the setting when a row with blank cells would be
	 * rejected
	 */
	static void check(FluxJobProperties settings) {
		// A row that leaves every cell but its prompt blank gets exactly the defaults,
		// judged by the validator's own rules.
		PromptValidator validator = new PromptValidator(PromptColumns.of(List.of("prompt")),
				new PromptDefaults(settings.model(), settings.resolution(), settings.aspectRatio()));
		ValidatedRow row = validator.process(new CsvRecord(1, 2, List.of("a row that uses every default"), null))
			.rows()
			.get(0);
		if (row.rejected()) {
			throw new UsageException("invalid job-wide default (--model, --resolution, --aspect-ratio or their "
					+ "flux.job.* settings): " + row.rejectReason());
		}
	}

}
