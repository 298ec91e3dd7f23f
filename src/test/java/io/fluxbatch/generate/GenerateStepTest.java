package io.fluxbatch.generate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.fluxbatch.StageStepTest;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generate step ({@link GenerateStepConfiguration}): {@link RowsWithinBudget} reads
 * the new rows as {@link RowInFlight}s and {@link RowLifecycle} carries each from its
 * submission to its image on disk, its state committed through {@link GenerateRows}.
 */
class GenerateStepTest extends StageStepTest {

	@Test
	void everyNewRowIsSubmittedOnceAndItsImageStored() throws Exception {
		String token = UUID.randomUUID().toString();
		StageRun generate = runThrough("generateImagesStep", firstRun(sheet("in.csv", "id,prompt",
				"chair,A red chair " + token, "lamp,A blue lamp " + token, "table,A table " + token, "blank,")));

		assertThat(generate.step().getStatus()).isEqualTo(BatchStatus.COMPLETED);
		// The rejected row is never read: the step reads rows by status.
		assertThat(generate.step().getReadCount()).isEqualTo(3);
		assertThat(generate.step().getWriteCount()).isEqualTo(3);
		assertThat(generate.step().getFilterCount()).isZero();
		assertThat(generate.step().getSkipCount()).isZero();
		assertThat(generate.statuses()).isEqualTo(Map.of("DOWNLOADED", 3, "REJECTED", 1));
		assertThat(generationsWith(token)).hasSize(3);
		List<Path> files = rowColumn(generate.instanceId(), "FILE_PATH").stream()
			.filter((file) -> file != null)
			.map(output()::resolve)
			.toList();
		assertThat(files).hasSize(3).allSatisfy((file) -> assertThat(Files.size(file)).isPositive());
	}

	@Test
	void aRowAskingForTheImageOfAnEarlierRowIsLeftForTheShareStep() throws Exception {
		String token = UUID.randomUUID().toString();
		StageRun generate = runThrough("generateImagesStep",
				firstRun(sheet("in.csv", "id,prompt", "a,A red chair " + token, "b,A red chair " + token)));

		assertThat(generate.step().getReadCount()).isEqualTo(1);
		assertThat(generate.statuses()).isEqualTo(Map.of("DOWNLOADED", 1, "NEW", 1));
		assertThat(generationsWith(token)).hasSize(1);
	}

}
