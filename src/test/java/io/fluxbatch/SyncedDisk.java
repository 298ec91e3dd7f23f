package io.fluxbatch;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicLong;

import org.h2.store.fs.FileBase;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * The disk as a power cut leaves it, for H2: a database named {@code jdbc:h2:synced:PATH}
 * is the file at PATH, and each time H2 forces it to the device (fsync) a copy of it is
 * kept beside it as {@code PATH.mv.db.synced}. After a SIGKILL, putting that copy in the
 * file's place loses exactly what had not reached the disk. Also counts the forces.
 */
public final class SyncedDisk extends FilePathWrapper {

	/** Suffix of the copy of the file as it last reached the disk. */
	public static final String SYNCED = ".synced";

	private static final AtomicLong FORCES = new AtomicLong();

	private static final SyncedDisk INSTANCE = new SyncedDisk();

	/** Makes {@code synced:} a file system H2 knows; idempotent. */
	public static void register() {
		FilePath.register(INSTANCE);
	}

	/** How many times H2 forced a file to the device in this JVM. */
	public static long forces() {
		return FORCES.get();
	}

	/**
	 * The command line, with this file system known: for a JVM of its own that a test
	 * kills.
	 */
	public static void main(String[] args) {
		register();
		FluxBatchApplication.main(args);
	}

	@Override
	public String getScheme() {
		return "synced";
	}

	@Override
	public FileChannel open(String mode) throws IOException {
		String path = unwrap(this.name).toString();
		return new SyncedFile(super.open(mode), Path.of(path.startsWith("file:") ? path.substring(5) : path));
	}

	private static final class SyncedFile extends FileBase {

		private final FileChannel file;

		private final Path path;

		SyncedFile(FileChannel file, Path path) {
			this.file = file;
			this.path = path;
		}

		@Override
		public void force(boolean metaData) throws IOException {
			this.file.force(metaData);
			FORCES.incrementAndGet();
			if (this.path.toString().endsWith(".mv.db")) {
				Path copy = Path.of(this.path + SYNCED + ".tmp");
				Files.copy(this.path, copy, StandardCopyOption.REPLACE_EXISTING);
				Files.move(copy, Path.of(this.path + SYNCED), StandardCopyOption.ATOMIC_MOVE,
						StandardCopyOption.REPLACE_EXISTING);
			}
		}

		@Override
		public int read(ByteBuffer dst) throws IOException {
			return this.file.read(dst);
		}

		@Override
		public int read(ByteBuffer dst, long position) throws IOException {
			return this.file.read(dst, position);
		}

		@Override
		public int write(ByteBuffer src) throws IOException {
			return this.file.write(src);
		}

		@Override
		public int write(ByteBuffer src, long position) throws IOException {
			return this.file.write(src, position);
		}

		@Override
		public long position() throws IOException {
			return this.file.position();
		}

		@Override
		public FileChannel position(long newPosition) throws IOException {
			this.file.position(newPosition);
			return this;
		}

		@Override
		public long size() throws IOException {
			return this.file.size();
		}

		@Override
		public FileChannel truncate(long size) throws IOException {
			this.file.truncate(size);
			return this;
		}

		@Override
		public FileLock tryLock(long position, long size, boolean shared) throws IOException {
			return this.file.tryLock(position, size, shared);
		}

		@Override
		protected void implCloseChannel() throws IOException {
			this.file.close();
		}

	}

}
