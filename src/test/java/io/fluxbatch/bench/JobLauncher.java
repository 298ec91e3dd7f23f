package io.fluxbatch.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fluxbatch.FluxBatchApplication;

/**
 * Runs the job's command line against a simulator: in this JVM for the latency-bound
 * workloads, or in a JVM of its own when its memory is measured, so that the simulator
 * and the benchmark do not count towards it.
 */
final class JobLauncher {

	private static final String KEY = "sk-benchmark";

	private static final Pattern GC_HEAP = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

	private static final Pattern EXIT_HEAP = Pattern.compile("total \\d+K, used (\\d+)K");

	private JobLauncher() {
	}

	static JobRun inProcess(Path dir, Path input, String baseUrl, String jobFile) throws IOException {
		String[] args = arguments(dir, input, baseUrl, jobFile);
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		long start = System.nanoTime();
		int exitCode = FluxBatchApplication.execute(args, Map.of("VICSEE_API_KEY", KEY), new PrintWriter(out, true),
				new PrintWriter(err, true));
		Files.writeString(dir.resolve("job.err"), err.toString());
		return new JobRun(dir.resolve("out"), exitCode, Duration.ofNanos(System.nanoTime() - start), out.toString(), -1,
				-1, Duration.ZERO, -1);
	}

	/**
	 * Runs the command in a JVM of its own with {@code maxHeap}, sampling its peak
	 * resident set from {@code /proc} and its heap in use from its GC log.
	 */
	static JobRun ownJvm(Path dir, Path input, String baseUrl, String jobFile, String maxHeap)
			throws IOException, InterruptedException {
		String java = ProcessHandle.current().info().command().orElse("java");
		Path gcLog = dir.resolve("gc.log");
		List<String> command = new ArrayList<>(List.of(java, "-Xmx" + maxHeap));
		if (Boolean.getBoolean("bench.profile")) {
			command.add("-XX:StartFlightRecording=filename=" + dir.resolve("job.jfr") + ",settings=profile");
		}
		command.addAll(List.of("-Xlog:gc,gc+heap+exit:file=" + gcLog, "-cp", System.getProperty("java.class.path"),
				FluxBatchApplication.class.getName()));
		command.addAll(List.of(arguments(dir, input, baseUrl, jobFile)));
		ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(dir.resolve("job.out").toFile())
			.redirectError(dir.resolve("job.err").toFile());
		builder.environment().put("VICSEE_API_KEY", KEY);
		long start = System.nanoTime();
		Process process = builder.start();
		Path status = Path.of("/proc", Long.toString(process.pid()), "status");
		Path stat = Path.of("/proc", Long.toString(process.pid()), "stat");
		Path io = Path.of("/proc", Long.toString(process.pid()), "io");
		long peakRss = -1;
		Duration cpu = Duration.ZERO;
		long read = -1;
		// VmHWM, the CPU times and the I/O counters vanish with the process: read them
		// until it exits.
		do {
			peakRss = Math.max(peakRss, peakRss(status));
			cpu = max(cpu, cpu(stat));
			read = Math.max(read, field(io, "rchar:"));
		}
		while (!process.waitFor(50, TimeUnit.MILLISECONDS));
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
		return new JobRun(dir.resolve("out"), process.exitValue(), elapsed, Files.readString(dir.resolve("job.out")),
				peakHeap(gcLog), peakRss, cpu, read);
	}

	private static String[] arguments(Path dir, Path input, String baseUrl, String jobFile) throws IOException {
		Path job = Files.writeString(dir.resolve("job.yml"), jobFile);
		return new String[] { "run", "--job", job.toString(), "--input", input.toString(), "--output",
				dir.resolve("out").toString(), "--base-url", baseUrl, "--db", dir.resolve("db").toString() };
	}

	/**
	 * User and system CPU time of a live process, from {@code /proc/<pid>/stat} (clock
	 * ticks of 10 ms); zero once it is gone.
	 */
	private static Duration cpu(Path stat) {
		try {
			String line = Files.readString(stat);
			String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
			// Fields 14 and 15 of the whole line: utime and stime.
			return Duration.ofMillis((Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10);
		}
		catch (IOException | RuntimeException gone) {
			return Duration.ZERO;
		}
	}

	private static Duration max(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

	/** {@code VmHWM} of a live process, in bytes; -1 once it is gone. */
	private static long peakRss(Path status) {
		long kibibytes = field(status, "VmHWM:");
		return (kibibytes < 0) ? -1 : kibibytes * 1024;
	}

	/**
	 * The number on the line of a {@code /proc} file that starts with {@code name}; -1
	 * once the process is gone.
	 */
	private static long field(Path file, String name) {
		try {
			for (String line : Files.readAllLines(file)) {
				if (line.startsWith(name)) {
					return Long.parseLong(line.replaceAll("\\D", ""));
				}
			}
		}
		catch (IOException | RuntimeException gone) {
			// The process ended between the check and the read.
		}
		return -1;
	}

	/**
	 * The most heap in use when a collection started or at exit, from a {@code -Xlog:gc}
	 * file.
	 */
	private static long peakHeap(Path gcLog) throws IOException {
		long peak = -1;
		if (!Files.exists(gcLog)) {
			return peak;
		}
		for (String line : Files.readAllLines(gcLog)) {
			Matcher heap = GC_HEAP.matcher(line);
			if (heap.find()) {
				peak = Math.max(peak, bytes(heap.group(1), heap.group(2)));
			}
			Matcher atExit = EXIT_HEAP.matcher(line);
			if (atExit.find()) {
				peak = Math.max(peak, bytes(atExit.group(1), "K"));
			}
		}
		return peak;
	}

	private static long bytes(String amount, String unit) {
		long value = Long.parseLong(amount);
		return switch (unit) {
			case "G" -> value << 30;
			case "M" -> value << 20;
			default -> value << 10;
		};
	}

}
