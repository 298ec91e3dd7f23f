package io.fluxbatch.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RunSummary}: the lines a cron mail shows after a run, with a line for reuse,
 * refunds and possible duplicates only when there are any.
 */
class RunSummaryTest {

	private static final String PRO = "flux-2/pro-text-to-image";

	private static final TotalsLine NO_DUPLICATES = new TotalsLine("POSSIBLE_DUPLICATES_IN_FOLDER", "", 0, 0);

	@Test
	void aQuietNightSaysRowsCreditsAndRequestsOnly() {
		RunSummary summary = new RunSummary(rows(3, 0), List.of(new TotalsLine(PRO, "1K", 3, 90)),
				new RunSpend(3, 90, 0, 0, Map.of(PRO + " 1K", 90L)), 0, NO_DUPLICATES, 3, 6, 0, 0, 910L, "94");

		assertThat(summary.lines()).containsExactly("rows: 3 (COMPLETED 3, FAILED 0)",
				"credits spent: this command 90 (" + PRO + " 1K 90); this run so far 90 (" + PRO + " 90); balance 910",
				"requests: 9 (submits 3, polls 6, download links 0, answered 429: 0); daily quota left 94");
	}

	@Test
	void reuseRefundsAndPossibleDuplicatesGetALineEach() {
		RunSummary summary = new RunSummary(rows(4, 1), List.of(new TotalsLine(PRO, "1K", 1, 30, 3, 1, 30)),
				RunSpend.NONE, 1, new TotalsLine("POSSIBLE_DUPLICATES_IN_FOLDER", "", 2, 60), 2, 2, 0, 1, null, null);

		assertThat(summary.lines())
			.contains("reused: 3 images from the library (no credits)",
					"failed generations: 1 (not charged: 30 credits given back)")
			.anySatisfy((line) -> assertThat(line).startsWith("possible duplicates: 1 rows"))
			.contains(
					"possible duplicates of every command into this folder: 2 tasks, up to 60 credits (see spend.csv)");
		assertThat(summary.lines().get(1))
			.isEqualTo("credits spent: this command 0; this run so far 30 (" + PRO + " 30)");
	}

	private static Map<String, Long> rows(long completed, long failed) {
		Map<String, Long> rows = new LinkedHashMap<>();
		rows.put("COMPLETED", completed);
		rows.put("FAILED", failed);
		return rows;
	}

}
