package io.fluxbatch.share;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.fluxbatch.StageStepTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The share step ({@link ShareStepConfiguration}): a row asking for the same image as an
 * earlier row gets that row's image ({@link SharedImages}, {@link SharedImage}) through
 * {@link ShareRows}, and no request.
 */
class ShareStepTest extends StageStepTest {

	@Test
	void rowsAskingForTheSameImageGetTheOneGeneratedForTheFirst() throws Exception {
		String token = UUID.randomUUID().toString();
		StageRun share = runThrough("shareImagesStep", firstRun(sheet("in.csv", "id,prompt", "a,A red chair " + token,
				"b,A red chair " + token, "c,A red chair " + token, "d,A lamp " + token)));

		assertThat(share.step().getReadCount()).isEqualTo(2);
		assertThat(share.step().getWriteCount()).isEqualTo(2);
		assertThat(share.step().getSkipCount()).isZero();
		assertThat(share.statuses()).isEqualTo(Map.of("DOWNLOADED", 4));
		assertThat(generationsWith(token)).hasSize(2);
		List<Path> files = rowColumn(share.instanceId(), "FILE_PATH").stream().map(output()::resolve).toList();
		// Each row's own file, with the bytes of the first row's image.
		assertThat(files).doesNotHaveDuplicates();
		assertThat(Files.mismatch(files.get(0), files.get(1))).isEqualTo(-1L);
		assertThat(Files.mismatch(files.get(0), files.get(2))).isEqualTo(-1L);
	}

}
