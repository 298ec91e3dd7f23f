package io.fluxbatch.report;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RunSpend} and {@link TotalsLine}: what a run paid, by model, and what one
 * command of it paid after the commands before it.
 */
class RunSpendTest {

	private static final String PRO = "flux-2/pro-text-to-image";

	private static final String FLEX = "flux-2/flex-text-to-image";

	@Test
	void aRunsSpendAddsItsTotalsLinesAndKeepsCreditsByModelAndResolution() {
		RunSpend spend = RunSpend.of(List.of(new TotalsLine(PRO, "1K", 3, 90), new TotalsLine(PRO, "2K", 1, 45),
				new TotalsLine(FLEX, "1K", 0, 0)), new TotalsLine(TotalsLine.POSSIBLE_DUPLICATES, "", 1, 30));

		assertThat(spend).isEqualTo(new RunSpend(4, 135, 1, 30, Map.of(PRO + " 1K", 90L, PRO + " 2K", 45L)));
		assertThat(spend.describeByModel()).isEqualTo(PRO + " 1K 90; " + PRO + " 2K 45");
	}

	@Test
	void aContinuedRunsCommandPaysOnlyWhatTheRunPaidSinceTheLastOne() {
		RunSpend before = new RunSpend(2, 60, 0, 0, Map.of(PRO + " 1K", 60L));
		RunSpend now = new RunSpend(5, 150, 1, 30, Map.of(PRO + " 1K", 60L, FLEX + " 1K", 90L));

		assertThat(now.minus(before)).isEqualTo(new RunSpend(3, 90, 1, 30, Map.of(FLEX + " 1K", 90L)));
	}

	@Test
	void theSpendKeptWithTheRunReadsBackAsItWas() {
		RunSpend spend = new RunSpend(5, 150, 1, 30, Map.of(PRO + " 1K", 60L, FLEX + " 1K", 90L));

		assertThat(RunSpend.decode(spend.encode())).isEqualTo(spend);
		assertThat(RunSpend.decode(RunSpend.NONE.encode())).isEqualTo(RunSpend.NONE);
		assertThat(RunSpend.decode(null)).isEqualTo(RunSpend.NONE);
	}

	@Test
	void totalsLinesAddUpColumnByColumn() {
		TotalsLine sum = new TotalsLine(PRO, "1K", 2, 60, 1, 1, 30).plus(new TotalsLine(PRO, "1K", 1, 30, 4, 0, 0));

		assertThat(sum).isEqualTo(new TotalsLine(PRO, "1K", 3, 90, 5, 1, 30));
		assertThat(sum.cells()).containsExactly(PRO, "1K", "3", "90", "5", "1", "30");
		assertThat(TotalsLine.HEADER).hasSameSizeAs(sum.cells());
	}

}
