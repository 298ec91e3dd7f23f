package io.fluxbatch.progress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * progress.json, beside the job database: a living run holds the database's lock, so
 * {@code status} reads this file instead, which the run keeps current every second.
 * Written under another name and moved into place, so a reader never sees half of it.
 */
public final class ProgressFile {

	public static final String NAME = "progress.json";

	private static final JsonMapper JSON = JsonMapper.builder().findAndAddModules().build();

	private ProgressFile() {
	}

	/**
	 * What progress.json holds.
	 *
	 * @param pid the process of the command
	 * @param alive whether the command was still running when it was written
	 * @param input the input CSV
	 * @param output the output folder
	 * @param startedAt when the command started
	 * @param progress the figures
	 */
	public record Content(long pid, boolean alive, String input, String output, Instant startedAt,
			ProgressSnapshot progress) {

		/** Whether the command that wrote it still runs. */
		public boolean running() {
			return this.alive && ProcessHandle.of(this.pid).map(ProcessHandle::isAlive).orElse(false);
		}

	}

	static void write(Path databaseFolder, Content content) {
		try {
			Files.createDirectories(databaseFolder);
			Path part = databaseFolder.resolve(NAME + ".part");
			Files.writeString(part, JSON.writeValueAsString(content));
			Files.move(part, databaseFolder.resolve(NAME), StandardCopyOption.ATOMIC_MOVE,
					StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException failure) {
			throw new UncheckedIOException(failure);
		}
	}

	/** progress.json in {@code databaseFolder}, if it is there and readable. */
	public static Optional<Content> read(Path databaseFolder) {
		Path file = databaseFolder.resolve(NAME);
		if (!Files.isRegularFile(file)) {
			return Optional.empty();
		}
		try {
			return Optional.of(JSON.readValue(Files.readString(file), Content.class));
		}
		catch (IOException | JacksonException unreadable) {
			return Optional.empty();
		}
	}

}
