package io.fluxbatch.library;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.Properties;

import org.jspecify.annotations.Nullable;

/**
 * What the file system says of a file without reading it: its size, modification time and
 * identity (device and inode on Linux). A library image whose stamp is still the one
 * recorded when its bytes were hashed is trusted without reading them, as git and rsync
 * trust an unchanged file: any write changes the size or the time, and a file put in its
 * place is another file. What that misses (bytes changed and the time put back, a disk
 * that decays) is what {@code --verify-library} is for.
 *
 * @param bytes the size
 * @param modified the modification time, as precise as the file system keeps it
 * @param fileKey the file's identity, or {@code null} where the file system has none
 */
public record FileStamp(long bytes, String modified, @Nullable String fileKey) {

	/** The file's stamp now. */
	public static FileStamp of(Path file) throws IOException {
		BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
		Object key = attributes.fileKey();
		return new FileStamp(attributes.size(), attributes.lastModifiedTime().toInstant().toString(),
				(key != null) ? key.toString() : null);
	}

	/**
	 * The stamp a library record holds, or {@code null} for a record written before
	 * stamps.
	 */
	static @Nullable FileStamp recorded(Properties record) {
		String bytes = record.getProperty("stamp.bytes");
		String modified = record.getProperty("stamp.modified");
		if (bytes == null || modified == null) {
			return null;
		}
		return new FileStamp(Long.parseLong(bytes), modified, record.getProperty("stamp.file-key"));
	}

	void record(Properties record) {
		record.setProperty("stamp.bytes", Long.toString(this.bytes));
		record.setProperty("stamp.modified", this.modified);
		if (this.fileKey != null) {
			record.setProperty("stamp.file-key", this.fileKey);
		}
		else {
			record.remove("stamp.file-key");
		}
	}

	/** Whether the file is as stamped: the same size, time and file. */
	boolean matches(@Nullable FileStamp recorded) {
		return recorded != null && this.bytes == recorded.bytes && this.modified.equals(recorded.modified)
				&& Objects.equals(this.fileKey, recorded.fileKey);
	}

}
