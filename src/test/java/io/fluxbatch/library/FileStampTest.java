package io.fluxbatch.library;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link FileStamp}: a file is trusted unread only while its size, time and identity are
 * those recorded.
 */
class FileStampTest {

	@TempDir
	Path folder;

	@Test
	void anUntouchedFileMatchesTheStampRecordedForIt() throws Exception {
		Path file = Files.writeString(this.folder.resolve("a.png"), "image");
		Properties record = new Properties();
		FileStamp.of(file).record(record);

		assertThat(FileStamp.of(file).matches(FileStamp.recorded(record))).isTrue();
	}

	@Test
	void aWriteOrAnotherFileInItsPlaceNoLongerMatches() throws Exception {
		Path file = Files.writeString(this.folder.resolve("a.png"), "image");
		FileStamp stored = FileStamp.of(file);
		FileTime modified = Files.getLastModifiedTime(file);

		Files.writeString(file, "imagE");
		Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
		assertThat(FileStamp.of(file).matches(stored)).as("same size, another time").isFalse();

		Path other = Files.writeString(this.folder.resolve("b.png"), "image");
		Files.setLastModifiedTime(other, modified);
		Files.move(other, file, StandardCopyOption.REPLACE_EXISTING);
		assertThat(FileStamp.of(file).matches(stored)).as("same size and time, another file").isFalse();
	}

	@Test
	void aRecordWrittenBeforeStampsHasNoneAndMatchesNothing() throws Exception {
		Path file = Files.writeString(this.folder.resolve("a.png"), "image");

		assertThat(FileStamp.recorded(new Properties())).isNull();
		assertThat(FileStamp.of(file).matches(null)).isFalse();
	}

}
