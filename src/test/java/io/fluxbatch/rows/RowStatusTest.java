package io.fluxbatch.rows;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link RowStatus}: what results.csv says of a row in each state. */
class RowStatusTest {

	@Test
	void onlyADownloadedRowIsCompletedAndEveryUnfinishedOneIsPending() {
		assertThat(RowStatus.DOWNLOADED.resultStatus()).isEqualTo("COMPLETED");
		assertThat(RowStatus.REJECTED.resultStatus()).isEqualTo("REJECTED");
		assertThat(RowStatus.FAILED.resultStatus()).isEqualTo("FAILED");
		assertThat(new RowStatus[] { RowStatus.NEW, RowStatus.SUBMITTING, RowStatus.SUBMITTED, RowStatus.GENERATED })
			.extracting(RowStatus::resultStatus)
			.containsOnly("PENDING");
	}

}
