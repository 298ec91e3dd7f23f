package io.fluxbatch.progress;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressSnapshotTest {

	@Test
	void theLineHoldsEveryFigureAndTheEtaSaysWhatItWaitsFor() {
		ProgressSnapshot snapshot = snapshot(40, 150, Duration.ofMinutes(95).plusSeconds(20),
				"the daily quota runs out first and resets at 2026-12-04T00:00:00Z");

		assertThat(snapshot.line()).isEqualTo("rows 40/150 (26%), generated 30, reused 10, failed 2, 12.5 images/min, "
				+ "credits 450, requests 120 (429: 3), ETA 1h35m "
				+ "(the daily quota runs out first and resets at 2026-12-04T00:00:00Z)");
	}

	@Test
	void aCommandThatEndsWithRowsLeftLeavesThemToTheNextOne() {
		assertThat(snapshot(40, 150, Duration.ofSeconds(90), "").finalLine())
			.endsWith("requests 120 (429: 3), ETA next command (110 rows left)");
		assertThat(snapshot(150, 150, null, "").finalLine()).endsWith("ETA done");
		assertThat(snapshot(0, 150, null, "").line()).endsWith("ETA unknown");
		assertThat(snapshot(0, 150, Duration.ofSeconds(75), "").line()).endsWith("ETA 1m15s");
	}

	@Test
	void stepNamesBecomeStages() {
		assertThat(ProgressProbe.stage("submitPromptsStep")).isEqualTo("submit");
		assertThat(ProgressProbe.stage("downloadImagesStep")).isEqualTo("download");
		assertThat(ProgressProbe.stage("checkRunOutcomeStep")).isEqualTo("finish");
	}

	private static ProgressSnapshot snapshot(long done, long rows, Duration eta, String note) {
		return new ProgressSnapshot(Instant.parse("2026-12-03T02:00:00Z"), "submit", 1, rows, done,
				Map.of("COMPLETED", done, "PENDING", rows - done), 30, 10, 2, 450, 120, 3, 12.5, eta, note);
	}

}
