package io.fluxbatch.review;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ReviewFileTest {

	@TempDir
	Path dir;

	@Test
	void anExportedFileGivesOneVerdictPerLine() throws IOException {
		Path file = Files.writeString(this.dir.resolve("review.csv"),
				"\uFEFFkey,verdict,note,reviewed_at\r\nP-1,approve,,2026-12-03T07:00:00Z\r\n"
						+ "P-2,reject,\"handle, cut off\",2026-12-03T07:00:00Z\r\n");

		assertThat(ReviewFile.read(file)).containsExactly(new Verdict("P-1", true, ""),
				new Verdict("P-2", false, "handle, cut off"));
	}

	@Test
	void aVerdictThatIsNeitherSaysWhichLine() throws IOException {
		Path file = Files.writeString(this.dir.resolve("review.csv"), "key,verdict\nP-1,maybe\n");

		assertThatIllegalArgumentException().isThrownBy(() -> ReviewFile.read(file))
			.withMessageEndingWith("line 2: the verdict 'maybe' is neither approve nor reject");
	}

}
