package io.fluxbatch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * What one run of the job command did, as the benchmark measures it from outside.
 *
 * @param output the run's output folder
 * @param exitCode the command's exit code
 * @param elapsed wall time from start to exit
 * @param out what the command printed on standard output
 * @param peakHeapBytes the most heap in use at any GC, or -1 when not measured
 * @param peakRssBytes the process's peak resident set ({@code VmHWM}), or -1 when not
 * measured
 * @param cpu CPU time the job's JVM used (user and system), or zero when not measured
 * @param readBytes bytes the job's JVM read through system calls ({@code rchar}: files,
 * sockets, from disk or the page cache alike), or -1 when not measured
 */
record JobRun(Path output, int exitCode, Duration elapsed, String out, long peakHeapBytes, long peakRssBytes,
		Duration cpu, long readBytes) {

	/** Images the run stored, verified, under {@code images/}. */
	long storedImages() throws IOException {
		Path images = this.output.resolve("images");
		if (!Files.isDirectory(images)) {
			return 0;
		}
		try (Stream<Path> files = Files.list(images)) {
			return files.filter((file) -> file.toString().endsWith(".png")).count();
		}
	}

}
