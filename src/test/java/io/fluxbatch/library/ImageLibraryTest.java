package io.fluxbatch.library;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.Properties;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A library image is trusted unread while its size, time and file are those recorded when
 * it was stored, hashed again when any of them changed (and then trusted again if its
 * bytes are the same), and hashed always when the whole library is verified. The proof
 * that a trusted image is not read: bytes changed behind an unchanged stamp are handed
 * out.
 */
class ImageLibraryTest {

	private static final String FINGERPRINT = "ab".repeat(32);

	@TempDir
	Path dir;

	private Path stored;

	@BeforeEach
	void storeAnImage() throws IOException {
		Path downloaded = Files.write(this.dir.resolve("download.png"), bytes(4096, (byte) 1));
		library().add(FINGERPRINT, new StoredImage(downloaded, 64, 64, 4096, FileHashes.sha256(downloaded)),
				"test task");
		this.stored = library().find(FINGERPRINT).orElseThrow().file();
	}

	@Test
	void anImageAsStampedIsHandedOutUnreadAndAFullCheckRefusesItsChangedBytes() throws IOException {
		alterBehindItsStamp();

		assertThat(library().find(FINGERPRINT)).as("trusted: its bytes were not read").isPresent();
		assertThat(new ImageLibrary(this.dir.resolve("library"), ImageOrigin.API, true).find(FINGERPRINT))
			.as("--verify-library")
			.isEmpty();
	}

	@Test
	void anImageWrittenSinceItWasStoredIsHashedAndRefused() throws IOException {
		Files.write(this.stored, bytes(4096, (byte) 2));
		Files.setLastModifiedTime(this.stored,
				FileTime.fromMillis(Files.getLastModifiedTime(this.stored).toMillis() + 60_000));

		assertThat(library().find(FINGERPRINT)).isEmpty();
	}

	@Test
	void aTruncatedImageIsRefused() throws IOException {
		Files.write(this.stored, Arrays.copyOf(Files.readAllBytes(this.stored), 100));

		assertThat(library().find(FINGERPRINT)).isEmpty();
	}

	@Test
	void anImageOnlyTouchedIsHashedOnceThenTrustedAgain() throws IOException {
		FileTime touched = FileTime.fromMillis(Files.getLastModifiedTime(this.stored).toMillis() + 3_600_000);
		Files.setLastModifiedTime(this.stored, touched);

		assertThat(library().find(FINGERPRINT)).as("the same bytes").isPresent();
		assertThat(record().getProperty("stamp.modified")).isEqualTo(touched.toInstant().toString());
		alterBehindItsStamp();
		assertThat(library().find(FINGERPRINT)).as("trusted under its new stamp").isPresent();
	}

	@Test
	void aRecordWrittenBeforeStampsIsHashedOnceAndStamped() throws IOException {
		Properties old = record();
		old.stringPropertyNames().stream().filter((name) -> name.startsWith("stamp.")).forEach(old::remove);
		try (var out = Files.newOutputStream(recordFile())) {
			old.store(out, null);
		}

		assertThat(library().find(FINGERPRINT)).isPresent();
		assertThat(record().getProperty("stamp.bytes")).isEqualTo("4096");
	}

	private void alterBehindItsStamp() throws IOException {
		FileTime modified = Files.getLastModifiedTime(this.stored);
		Files.write(this.stored, bytes(4096, (byte) 3));
		Files.setLastModifiedTime(this.stored, modified);
	}

	private ImageLibrary library() {
		return new ImageLibrary(this.dir.resolve("library"), ImageOrigin.API);
	}

	private Path recordFile() {
		return this.dir.resolve("library").resolve(FINGERPRINT + ".properties");
	}

	private Properties record() throws IOException {
		Properties record = new Properties();
		try (InputStream in = Files.newInputStream(recordFile())) {
			record.load(in);
		}
		return record;
	}

	private static byte[] bytes(int size, byte value) {
		byte[] bytes = new byte[size];
		Arrays.fill(bytes, value);
		return bytes;
	}

}
