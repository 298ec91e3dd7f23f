package io.fluxbatch;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a run's job database lives: with its output folder, so the same input and output
 * continue the same run from whatever directory the command is started in; {@code --db}
 * (or {@code flux.db}) moves it.
 */
final class JobDatabase {

	/**
	 * The database's folder inside the output folder, and its old place, below the
	 * working directory.
	 */
	static final String FOLDER = ".flux-batch";

	/** How the URL of a folder database starts. */
	static final String FOLDER_URL = "jdbc:h2:file:";

	private static final String FILE = "flux-batch.mv.db";

	private JobDatabase() {
	}

	/**
	 * The absolute folder of the database a run into {@code output} uses.
	 * @param configured {@code flux.db} as set, or {@code null}
	 * @param workingDirectory where the command was started, to find a database in the
	 * old default place
	 * @throws UsageException when a database in the old default place may hold this
	 * output's unfinished run and none is with the output yet: continuing without it
	 * could pay again
	 */
	static Path folder(String configured, Path output, Path workingDirectory) {
		if (configured != null && !configured.isBlank()) {
			// H2 refuses a relative path that does not start with ./, so none reaches it.
			Path folder = Path.of(configured).toAbsolutePath().normalize();
			// Release 0.1 named the folder of --db twice, joined by a comma.
			Path doubled = Path.of(folder + "," + folder);
			if (Files.isRegularFile(doubled.resolve(FILE)) && !Files.exists(folder.resolve(FILE))) {
				throw new UsageException("the job database of --db " + folder + " is in " + doubled
						+ ", where flux-batch 0.1 put it by mistake: move it (mv '" + doubled + "'/* " + folder
						+ "/) to continue its runs");
			}
			return folder;
		}
		Path folder = output.toAbsolutePath().normalize().resolve(FOLDER);
		Path old = workingDirectory.toAbsolutePath().normalize().resolve(FOLDER);
		if (!old.equals(folder) && Files.isRegularFile(old.resolve(FILE)) && !Files.exists(folder.resolve(FILE))) {
			throw new UsageException(
					"a job database is in " + old + ", where earlier versions kept it; runs now keep it"
							+ " with their output, in " + folder + ": move it there (mv " + old + " " + folder
							+ ") to continue its runs, or keep it where it is with --db " + old);
		}
		return folder;
	}

}
