package io.fluxbatch.load;

import java.util.Map;

import io.fluxbatch.StageStepTest;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The load step ({@link LoadStepConfiguration}): every record of the sheet becomes rows
 * of the table, through {@link PromptLoadListener} and {@link LoadRows}.
 */
class LoadStepTest extends StageStepTest {

	@Test
	void everyRecordIsReadAndARecordAskingForTwoImagesWritesTwoRows() throws Exception {
		StageRun load = runThrough("loadPromptsStep", firstRun(sheet("in.csv", "id,prompt,images",
				"chair,A red chair on a white floor,1", "lamp,A blue lamp,2", "empty,,1")));

		assertThat(load.step().getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(load.step().getReadCount()).isEqualTo(3);
		// One item for each record; the writer spreads a record's images over rows.
		assertThat(load.step().getWriteCount()).isEqualTo(3);
		assertThat(load.step().getFilterCount()).isZero();
		assertThat(load.step().getSkipCount()).isZero();
		assertThat(load.statuses()).isEqualTo(Map.of("NEW", 3, "REJECTED", 1));
	}

	@Test
	void aKeyUsedByAnEarlierRecordIsRejectedOnceEveryRowIsIn() throws Exception {
		StageRun load = runThrough("loadPromptsStep",
				firstRun(sheet("in.csv", "id,prompt", "chair,A red chair", "chair,A green chair", "lamp,A lamp")));

		assertThat(load.step().getReadCount()).isEqualTo(3);
		assertThat(load.statuses()).isEqualTo(Map.of("NEW", 2, "REJECTED", 1));
		assertThat(this.jdbc.sql("SELECT REASON FROM FLUX_ROW WHERE JOB_INSTANCE_ID = ? AND STATUS = 'REJECTED'")
			.param(load.instanceId())
			.query(String.class)
			.single()).contains("row 1");
	}

	@Test
	void theHeaderIsKeptForTheReports() throws Exception {
		StageRun load = runThrough("loadPromptsStep", firstRun(sheet("in.csv", "sku,prompt", "a,A chair")));

		assertThat(this.jdbc.sql("SELECT HEADER FROM FLUX_RUN WHERE JOB_INSTANCE_ID = ?")
			.param(load.instanceId())
			.query(String.class)
			.single()).contains("sku").contains("prompt");
	}

}
