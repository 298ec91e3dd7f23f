package io.fluxbatch.library;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The images already paid for, by the fingerprint of the prompt that made them: a folder
 * of {@code <fingerprint>.<ext>} files, each with a {@code <fingerprint>.properties}
 * beside it recording its size, dimensions and SHA-256. Nights share it, so a prompt that
 * did not change is not generated, nor paid for, again.
 * <p>
 * Files are hard-linked when the file system allows it (no second copy on disk) and
 * copied otherwise; both go through a temporary name and an atomic move, so no reader
 * ever sees a partial file. A library image is only handed out when its bytes still have
 * the recorded SHA-256: that hash was taken of bytes that had decoded at the recorded
 * size when they were downloaded, so a matching hash proves the image is whole without
 * decoding it again, and a missing, truncated or altered file is never reused. While the
 * file's {@link FileStamp} is the one recorded with that hash, its bytes are taken to be
 * those hashed and are not read at all: an unchanged night reads none of the library. A
 * full check ({@code verifyAll}, the run's {@code --verify-library}) hashes every image
 * handed out.
 */
public class ImageLibrary {

	/** The folder of an output folder that holds the run's images. */
	public static final String IMAGES = "images";

	private static final Logger log = LoggerFactory.getLogger(ImageLibrary.class);

	private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{64}");

	private final Path folder;

	private final String origin;

	private final boolean verifyAll;

	/**
	 * @param origin the {@link ImageOrigin} of the images this run makes: only images of
	 * that origin are handed out, and simulated ones are kept under names of their own
	 */
	public ImageLibrary(Path folder, String origin) {
		this(folder, origin, false);
	}

	/**
	 * @param verifyAll whether every image handed out is hashed again, even one whose
	 * {@link FileStamp} is as recorded
	 */
	public ImageLibrary(Path folder, String origin, boolean verifyAll) {
		this.folder = folder;
		this.origin = origin;
		this.verifyAll = verifyAll;
	}

	public Path folder() {
		return this.folder;
	}

	/**
	 * The library's image for a fingerprint, if it holds one that is intact.
	 * @param fingerprint the prompt's fingerprint
	 * @return the verified image, or empty when there is none or it no longer verifies
	 */
	public Optional<LibraryImage> find(@Nullable String fingerprint) {
		if (fingerprint == null || !FINGERPRINT.matcher(fingerprint).matches()) {
			return Optional.empty();
		}
		Path record = this.folder.resolve(baseName(fingerprint) + ".properties");
		Properties recorded = new Properties();
		try (InputStream in = Files.newInputStream(record)) {
			recorded.load(in);
		}
		catch (NoSuchFileException absent) {
			return Optional.empty();
		}
		catch (IOException | IllegalArgumentException unreadable) {
			log.warn("library record {} cannot be read ({}): the image will be generated again", record,
					unreadable.getMessage());
			return Optional.empty();
		}
		String recordedOrigin = recorded.getProperty("origin");
		if (!this.origin.equals(recordedOrigin)) {
			// Records written before origins were kept may hold the simulator's images.
			log.info("library image {} was made by {}, and this run makes {} images: it will be generated again",
					record, (recordedOrigin != null) ? recordedOrigin : "an unknown origin", this.origin);
			return Optional.empty();
		}
		try {
			Path file = this.folder.resolve(recorded.getProperty("file", ""));
			LibraryImage image = new LibraryImage(file, fingerprint, Integer.parseInt(recorded.getProperty("width")),
					Integer.parseInt(recorded.getProperty("height")), Long.parseLong(recorded.getProperty("bytes")),
					recorded.getProperty("sha256"));
			FileStamp stamp;
			try {
				stamp = FileStamp.of(file);
			}
			catch (IOException missing) {
				log.warn("library image {} is missing: it will be generated again", file);
				return Optional.empty();
			}
			boolean asStamped = stamp.bytes() == image.bytes() && stamp.matches(FileStamp.recorded(recorded));
			if (!this.verifyAll && asStamped) {
				// Hashed when it was stored, and not written since: trusted unread.
				return Optional.of(image);
			}
			String problem = problemWith(image);
			if (problem != null) {
				log.warn("library image {} {}: it will be generated again", file, problem);
				return Optional.empty();
			}
			if (!asStamped) {
				// Touched, copied back or recorded before stamps: the same bytes, so the
				// next night trusts it again without reading it.
				stamp.record(recorded);
				try {
					writeRecord(fingerprint, recorded);
				}
				catch (IOException readOnly) {
					log.info("library record {} cannot be updated ({}): the image is hashed again next time", record,
							readOnly.getMessage());
				}
			}
			return Optional.of(image);
		}
		catch (RuntimeException unreadable) {
			log.warn("library record {} is incomplete ({}): the image will be generated again", record,
					unreadable.getMessage());
			return Optional.empty();
		}
	}

	/**
	 * Keeps a verified image under its fingerprint, replacing what the library held for
	 * it (a row asked to be generated again).
	 * @param fingerprint the prompt's fingerprint
	 * @param image the image as downloaded and verified
	 * @param source where it came from, for a person reading the record (key, task id)
	 */
	public void add(String fingerprint, StoredImage image, String source) {
		if (!FINGERPRINT.matcher(fingerprint).matches()) {
			throw new IllegalArgumentException("not a fingerprint: " + fingerprint);
		}
		try {
			Files.createDirectories(this.folder);
			String name = baseName(fingerprint) + extension(image.file());
			linkOrCopy(image.file(), this.folder, name);
			Properties record = new Properties();
			record.setProperty("file", name);
			record.setProperty("width", Integer.toString(image.width()));
			record.setProperty("height", Integer.toString(image.height()));
			record.setProperty("bytes", Long.toString(image.bytes()));
			record.setProperty("sha256", image.sha256());
			record.setProperty("source", source);
			record.setProperty("origin", this.origin);
			FileStamp.of(this.folder.resolve(name)).record(record);
			// The record is written last: an image without one is never handed out.
			writeRecord(fingerprint, record);
		}
		catch (IOException failure) {
			throw new UncheckedIOException("could not add " + image.file() + " to the library " + this.folder, failure);
		}
	}

	/** Replaces an image's record at once: a reader sees the old one or the new one. */
	private void writeRecord(String fingerprint, Properties record) throws IOException {
		Path part = this.folder.resolve("." + baseName(fingerprint) + ".properties.part");
		try (OutputStream out = Files.newOutputStream(part)) {
			record.store(out, "flux-batch library image");
		}
		Files.move(part, this.folder.resolve(baseName(fingerprint) + ".properties"), StandardCopyOption.ATOMIC_MOVE,
				StandardCopyOption.REPLACE_EXISTING);
	}

	/**
	 * Withdraws the image a reviewer rejected: it is never handed out again, so the next
	 * row with its fingerprint is generated anew. Its record is kept aside (renamed
	 * {@code .rejected}); an image that has since replaced it is left alone.
	 * @return whether an image was withdrawn
	 */
	public boolean withdraw(@Nullable String fingerprint, String sha256) {
		if (fingerprint == null || !FINGERPRINT.matcher(fingerprint).matches()) {
			return false;
		}
		Path record = this.folder.resolve(baseName(fingerprint) + ".properties");
		Properties recorded = new Properties();
		try (InputStream in = Files.newInputStream(record)) {
			recorded.load(in);
		}
		catch (IOException | IllegalArgumentException absent) {
			return false;
		}
		if (!sha256.equals(recorded.getProperty("sha256"))) {
			return false;
		}
		try {
			Files.move(record, this.folder.resolve(baseName(fingerprint) + ".properties.rejected"),
					StandardCopyOption.REPLACE_EXISTING);
			return true;
		}
		catch (IOException failure) {
			throw new UncheckedIOException("could not withdraw " + record + " from the library", failure);
		}
	}

	/**
	 * Puts a library image in place as {@code directory/baseName.<ext>}, linked or
	 * copied; a file already there with the same content is left as it is.
	 * @return the image as stored under its new name
	 */
	public static StoredImage place(LibraryImage image, Path directory, String baseName) {
		String name = baseName + extension(image.file());
		Path target = directory.resolve(name);
		try {
			Files.createDirectories(directory);
			if (!sameContent(target, image)) {
				linkOrCopy(image.file(), directory, name);
			}
			return new StoredImage(target, image.width(), image.height(), image.bytes(), image.sha256());
		}
		catch (IOException failure) {
			throw new UncheckedIOException("could not place " + image.file() + " as " + target, failure);
		}
	}

	private static boolean sameContent(Path target, LibraryImage image) throws IOException {
		if (!Files.isRegularFile(target)) {
			return false;
		}
		return Files.isSameFile(target, image.file())
				|| (Files.size(target) == image.bytes() && FileHashes.sha256(target).equals(image.sha256()));
	}

	private static @Nullable String problemWith(LibraryImage image) {
		try {
			if (Files.size(image.file()) != image.bytes()) {
				return "has " + Files.size(image.file()) + " bytes, not the " + image.bytes() + " recorded";
			}
			if (!FileHashes.sha256(image.file()).equals(image.sha256())) {
				return "no longer has the SHA-256 recorded";
			}
			return null;
		}
		catch (IOException missing) {
			return "is missing";
		}
	}

	/** Links (or copies) {@code source} to a temporary name, then moves it into place. */
	private static void linkOrCopy(Path source, Path directory, String name) throws IOException {
		Path part = directory.resolve("." + name + ".part");
		Files.deleteIfExists(part);
		try {
			Files.createLink(part, source);
		}
		catch (IOException | UnsupportedOperationException noLink) {
			// Another file system, or one without hard links: a copy does the same job.
			Files.copy(source, part, StandardCopyOption.REPLACE_EXISTING);
		}
		Files.move(part, directory.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		// Renaming a link onto another link of the same file does nothing at all (POSIX).
		Files.deleteIfExists(part);
	}

	/** Simulated images are named apart, so they can never replace a paid one. */
	private String baseName(String fingerprint) {
		return ImageOrigin.SIMULATED.equals(this.origin) ? fingerprint + "." + ImageOrigin.SIMULATED : fingerprint;
	}

	private static String extension(Path file) {
		String name = file.getFileName().toString();
		int dot = name.lastIndexOf('.');
		return (dot > 0) ? name.substring(dot) : "";
	}

}
