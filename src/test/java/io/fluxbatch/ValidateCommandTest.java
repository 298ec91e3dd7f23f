package io.fluxbatch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code validate} reads a CSV exactly as a run would and says what a run would reject,
 * with no API key, no network and no job database.
 */
class ValidateCommandTest {

	@TempDir
	Path dir;

	@Test
	void theSampleCatalogShowsItsCountsAndEveryRejectWithItsLine() {
		CommandRun run = CommandRun.of(Map.of(), "validate", "--input", "samples/catalog.csv");

		assertThat(run.exitCode()).as(run.err()).isEqualTo(ValidateCommand.ROWS_REJECTED);
		assertThat(run.out().lines()).first()
			.isEqualTo("samples/catalog.csv: 29 rows (UTF-8 (detected), comma delimited): 23 valid, 6 rejected");
		assertThat(run.out().lines().skip(1)).containsSequence("  prompt       <- column 'prompt'",
				"  id           <- column 'sku'", "  model        <- column 'model'",
				"  resolution   <- column 'resolution'", "  aspect_ratio <- column 'aspect_ratio'",
				"  input_urls   <- column 'input_urls'", "  kept, unused: category");
		assertThat(run.out().lines().filter((line) -> line.startsWith("  line "))).hasSize(6)
			.contains("  line 18 (PERF-602): aspect ratio \"4:5\" is not supported; use 1:1, 16:9, 9:16, 4:3, 3:4, "
					+ "3:2, 2:3 or auto")
			.contains("  line 27 (WATCH-001): key 'WATCH-001' is already used by row 1");
		assertThat(run.out().lines()).last().isEqualTo("flux-batch: validate completed with rejected rows, exit 1");
		assertThat(run.err()).isEmpty();
	}

	@Test
	void aCleanFileExitsZeroAndABadJobFileDefaultIsAUsageError() throws IOException {
		Path input = Files.writeString(this.dir.resolve("in.csv"), "key;prompt\nA;A cat on a mat\nB;A dog\n");
		Path job = Files.writeString(this.dir.resolve("job.yml"), "flux.job.aspect-ratio: \"4:5\"\n");

		CommandRun clean = CommandRun.of(Map.of(), "validate", "--input", input.toString());
		CommandRun badDefault = CommandRun.of(Map.of(), "validate", "--input", input.toString(), "--job",
				job.toString());

		assertThat(clean.exitCode()).as(clean.err()).isEqualTo(ExitCode.COMPLETED);
		assertThat(clean.out()).contains("2 rows (UTF-8 (detected), semicolon delimited): 2 valid, 0 rejected");
		// A default that is not valid would reject every row using it: a usage error.
		assertThat(badDefault.exitCode()).isEqualTo(ExitCode.USAGE);
		assertThat(badDefault.err()).contains("invalid job-wide default")
			.contains("aspect ratio \"4:5\" (the job default) is not supported");
	}

	@Test
	void aFileThatCannotBeReadIsOneLineAndExitCode2() {
		CommandRun run = CommandRun.of(Map.of(), "validate", "--input", this.dir.resolve("missing.csv").toString());

		assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
		assertThat(run.problem())
			.isEqualTo("flux-batch: input file \"" + this.dir.resolve("missing.csv") + "\" does not exist");
		assertThat(run.err())
			.endsWith("flux-batch: validate ended with a usage error, exit 2" + System.lineSeparator());
	}

}
