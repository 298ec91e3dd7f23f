package io.fluxbatch.reuse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import io.fluxbatch.StageStepTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reuse step ({@link ReuseStepConfiguration}): a new row whose image the library
 * holds ({@link ReusableRow}) gets it from {@link LibraryReuse} as a {@link ReusedImage},
 * checked by {@link StoredImageCheck}; {@link StoredRows} puts back a row whose image
 * went missing.
 */
class ReuseStepTest extends StageStepTest {

	@Test
	void theNextNightTakesFromTheLibraryWhatTheSheetStillAsksForAndFiltersTheRest() throws Exception {
		String token = UUID.randomUUID().toString();
		Path input = sheet("in.csv", "id,prompt", "chair,A red chair " + token, "lamp,A blue lamp " + token,
				"table,A table " + token);
		assertThat(runThrough("checkRunOutcomeStep", firstRun(input)).statuses()).isEqualTo(Map.of("DOWNLOADED", 3));
		sheet("in.csv", "id,prompt", "chair,A red chair " + token, "lamp,A blue lamp " + token,
				"table,A round table " + token);

		StageRun reuse = runThrough("reuseImagesStep", run(input, 2));

		assertThat(reuse.step().getReadCount()).isEqualTo(3);
		assertThat(reuse.step().getWriteCount()).isEqualTo(2);
		// The changed row: the library holds no image for what it asks now.
		assertThat(reuse.step().getFilterCount()).isEqualTo(1);
		assertThat(reuse.step().getSkipCount()).isZero();
		assertThat(reuse.statuses()).isEqualTo(Map.of("DOWNLOADED", 2, "NEW", 1));
		assertThat(generationsWith(token)).hasSize(3);
	}

	@Test
	void aLibraryImageChangedSinceItWasStoredIsNotReused() throws Exception {
		String token = UUID.randomUUID().toString();
		Path input = sheet("in.csv", "id,prompt", "chair,A red chair " + token, "lamp,A blue lamp " + token);
		runThrough("checkRunOutcomeStep", firstRun(input));
		List<Path> library = libraryImages();
		assertThat(library).hasSize(2);
		Files.write(library.get(0), new byte[] { 1, 2, 3 });

		StageRun reuse = runThrough("reuseImagesStep", run(input, 2));

		assertThat(reuse.step().getReadCount()).isEqualTo(2);
		assertThat(reuse.step().getWriteCount()).isEqualTo(1);
		assertThat(reuse.statuses()).isEqualTo(Map.of("DOWNLOADED", 1, "NEW", 1));
	}

	private List<Path> libraryImages() throws Exception {
		try (Stream<Path> files = Files.walk(output().resolve(".library"))) {
			return files.filter((file) -> file.toString().endsWith(".png")).sorted().toList();
		}
	}

}
