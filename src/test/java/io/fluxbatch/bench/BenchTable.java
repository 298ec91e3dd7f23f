package io.fluxbatch.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.fluxbatch.bench.PerformanceBenchmark.Measured;
import io.fluxbatch.simulator.SimulatorCounters;

/**
 * The benchmark's one table, in Markdown so that the README can quote it as printed.
 */
final class BenchTable {

	private final List<String> lines = new ArrayList<>();

	private String machine = "";

	private JobRun smallScale;

	private long smallScaleRows;

	void machine(int cores, String jvm, String os, String date) {
		this.machine = String.format(Locale.ROOT, "machine: %d cores, %s, %s; date: %s", cores, jvm, os, date);
	}

	void quota(int rows, Measured job, Measured baseline) {
		row("quota (" + rows + " rows)", "API requests per completed image (floor 2.0)", fixed(job.requestsPerImage()),
				fixed(baseline.requestsPerImage()), fixed(job.requestsPerImage() / baseline.requestsPerImage()),
				"≤ 2.05", job.requestsPerImage() <= 2.05);
		row("", "requests: submits + polls + download links", requests(job.counters()), requests(baseline.counters()),
				"", "", null);
		row("", "completed images", Long.toString(job.images()), Long.toString(baseline.images()), "", "", null);
		row("", "makespan", seconds(job.makespan().toMillis() / 1000.0),
				seconds(baseline.makespan().toMillis() / 1000.0),
				fixed(job.makespan().toMillis() / (double) baseline.makespan().toMillis()), "", null);
	}

	void throughput(int rows, int limit, Measured job, Measured baseline) {
		double jobMakespan = job.makespan().toMillis() / 1000.0;
		double baselineMakespan = baseline.makespan().toMillis() / 1000.0;
		row("throughput (" + rows + " rows, " + limit + " req/s)", "makespan", seconds(jobMakespan),
				seconds(baselineMakespan), fixed(jobMakespan / baselineMakespan), "", null);
		row("", "floor: requests / limit + slowest task", seconds(job.floorSeconds(limit)),
				seconds(baseline.floorSeconds(limit)), "", "", null);
		double jobRatio = jobMakespan / job.floorSeconds(limit);
		row("", "makespan / floor", fixed(jobRatio), fixed(baselineMakespan / baseline.floorSeconds(limit)), "",
				"≤ 1.10", jobRatio <= 1.10);
		row("", "share of requests answered 429", percent(job.rateLimitedShare()), percent(baseline.rateLimitedShare()),
				"", "< 1 %", job.rateLimitedShare() < 0.01);
		row("", "API requests per completed image", fixed(job.requestsPerImage()), fixed(baseline.requestsPerImage()),
				fixed(job.requestsPerImage() / baseline.requestsPerImage()), "", null);
		row("", "requests: submits + polls + download links", requests(job.counters()), requests(baseline.counters()),
				"", "", null);
	}

	void unknownLimit(int rows, int limit, Measured job, Measured baseline) {
		double jobMakespan = job.makespan().toMillis() / 1000.0;
		double baselineMakespan = baseline.makespan().toMillis() / 1000.0;
		double floor = job.floorSeconds(limit);
		row("unknown limit (" + rows + " rows, API allows " + limit + " req/s, latency 1-2 s)", "makespan",
				seconds(jobMakespan), seconds(baselineMakespan), fixed(jobMakespan / baselineMakespan), "< baseline",
				jobMakespan < baselineMakespan);
		row("", "floor: requests / limit + slowest task", seconds(floor), seconds(baseline.floorSeconds(limit)), "", "",
				null);
		row("", "makespan / floor", fixed(jobMakespan / floor), fixed(baselineMakespan / baseline.floorSeconds(limit)),
				"", "≤ 1.15", jobMakespan / floor <= 1.15);
		row("", "share of requests answered 429", percent(job.rateLimitedShare()), percent(baseline.rateLimitedShare()),
				"", "< 2 %", job.rateLimitedShare() < 0.02);
		row("", "requests: submits + polls + download links", requests(job.counters()), requests(baseline.counters()),
				"", "", null);
	}

	void longNight(int rows, int limit, Duration urlLifetime, Measured job, Measured baseline) {
		double jobMakespan = job.makespan().toMillis() / 1000.0;
		double baselineMakespan = baseline.makespan().toMillis() / 1000.0;
		// The floor makes no download-link request: two requests per image.
		double floor = 2.0 * rows / limit + job.slowestTask().toMillis() / 1000.0;
		row("long night (" + rows + " rows, " + limit + " req/s, URLs expire " + urlLifetime.toSeconds()
				+ " s after each task ends, latency 2 s)", "makespan", seconds(jobMakespan), seconds(baselineMakespan),
				fixed(jobMakespan / baselineMakespan), "", null);
		row("", "floor: 2 requests per image / limit + slowest task", seconds(floor), seconds(floor), "", "", null);
		row("", "makespan / floor", fixed(jobMakespan / floor), fixed(baselineMakespan / floor), "", "≤ 1.25",
				jobMakespan / floor <= 1.25);
		row("", "API requests per completed image (floor 2.0)", fixed(job.requestsPerImage()),
				fixed(baseline.requestsPerImage()), fixed(job.requestsPerImage() / baseline.requestsPerImage()),
				"≤ 2.05", job.requestsPerImage() <= 2.05);
		row("", "share of requests answered 429", percent(job.rateLimitedShare()), percent(baseline.rateLimitedShare()),
				"", "", null);
		row("", "requests: submits + polls + download links", requests(job.counters()), requests(baseline.counters()),
				"", "", null);
	}

	void concurrencyCap(int rows, int cap, Duration latency, Measured job, Measured baseline) {
		double jobMakespan = job.makespan().toMillis() / 1000.0;
		double baselineMakespan = baseline.makespan().toMillis() / 1000.0;
		double floor = (double) rows / cap * latency.toMillis() / 1000.0;
		row("concurrency cap (" + rows + " rows, " + cap + " unfinished tasks per key, latency " + latency.toSeconds()
				+ " s)", "makespan", seconds(jobMakespan), seconds(baselineMakespan),
				fixed(jobMakespan / baselineMakespan), "", null);
		row("", "floor: rows / cap × latency", seconds(floor), seconds(floor), "", "", null);
		row("", "makespan / floor", fixed(jobMakespan / floor), fixed(baselineMakespan / floor), "", "≤ 1.20",
				jobMakespan / floor <= 1.20);
		row("", "share of requests answered 429", percent(job.rateLimitedShare()), percent(baseline.rateLimitedShare()),
				"", "< 5 %", job.rateLimitedShare() < 0.05);
		row("", "requests: submits + polls + download links", requests(job.counters()), requests(baseline.counters()),
				"", "", null);
	}

	void scale(long rows, String maxHeap, JobRun run, SimulatorCounters counters, Duration simulatorCpu,
			JobRun unchanged) {
		double seconds = run.elapsed().toMillis() / 1000.0;
		double rowsPerSecond = rows / seconds;
		String name = "scale (" + rows + " rows, own JVM, -Xmx" + maxHeap + ")";
		row(name, "rows per second, end to end (JVM start to exit)", String.format(Locale.ROOT, "%.0f", rowsPerSecond),
				"", "", "≥ 1000", rowsPerSecond >= 1000);
		row("", "wall time; per 1,000 rows", seconds(seconds) + "; " + seconds(seconds * 1000 / rows), "", "", "",
				null);
		row("", "peak heap in use (GC log)", mebibytes(run.peakHeapBytes()), "", "", "< 512 MB",
				run.peakHeapBytes() < (512L << 20));
		row("", "peak RSS (VmHWM)", mebibytes(run.peakRssBytes()), "", "", "", null);
		double cpuPerRow = run.cpu().toMillis() / (double) rows;
		row("", "CPU per row: job JVM; simulator",
				millis(cpuPerRow) + "; " + millis(simulatorCpu.toMillis() / (double) rows), "", "", "≤ 2 ms",
				cpuPerRow <= 2);
		row("", "requests: submits + polls + download links", requests(counters), "", "", "", null);
		row("", "the same sheet again (unchanged night): CPU; wall time",
				seconds(unchanged.cpu().toMillis() / 1000.0) + "; " + seconds(unchanged.elapsed().toMillis() / 1000.0),
				"", "", "< 30 s CPU at 100,000 rows", (rows >= 100_000) ? unchanged.cpu().toSeconds() < 30 : null);
		if (this.smallScale == null) {
			this.smallScale = run;
			this.smallScaleRows = rows;
		}
		else {
			double small = this.smallScale.elapsed().toMillis() / (double) this.smallScaleRows;
			double large = run.elapsed().toMillis() / (double) rows;
			row("scale: " + rows + " vs " + this.smallScaleRows + " rows", "time per row, large / small",
					fixed(large / small), "", "", "flat (≈ 1)", null);
			double cpuRatio = (run.cpu().toMillis() / (double) rows)
					/ (this.smallScale.cpu().toMillis() / (double) this.smallScaleRows);
			row("", "CPU per row, large / small", fixed(cpuRatio), "", "", "flat (≤ 1.1)", cpuRatio <= 1.1);
			row("", "peak heap, large / small", fixed(run.peakHeapBytes() / (double) this.smallScale.peakHeapBytes()),
					"", "", "", null);
		}
	}

	void unchangedNight(long rows, long libraryBytes, JobRun unchanged, long requests, JobRun tiny) {
		double imageKb = libraryBytes / 1000.0 / rows;
		String name = String.format(Locale.ROOT, "unchanged night (%d rows, library images %.0f kB each, own JVM)",
				rows, imageKb);
		double readShare = unchanged.readBytes() / (double) libraryBytes;
		row(name, "bytes read (all system calls) / library bytes",
				mebibytes(unchanged.readBytes()) + " / " + mebibytes(libraryBytes) + " = " + percent(readShare), "", "",
				(tiny == null) ? "" : "< 1 %", (tiny == null) ? null : readShare < 0.01);
		row("", "CPU; wall time",
				seconds(unchanged.cpu().toMillis() / 1000.0) + "; " + seconds(unchanged.elapsed().toMillis() / 1000.0),
				"", "", "", null);
		row("", "API requests", Long.toString(requests), "", "", "0", requests == 0);
		if (tiny != null) {
			double ratio = unchanged.elapsed().toMillis() / (double) tiny.elapsed().toMillis();
			row("", "wall time / the same night over tiny images", fixed(ratio), "", "", "≤ 1.5", ratio <= 1.5);
		}
	}

	void databaseGrowth(int rows, int changed, int keepRuns, int baseNight, long baseBytes, int nights, long bytes) {
		double ratio = bytes / (double) baseBytes;
		row("job database growth (" + rows + " rows, " + changed + " changed each night, keep-runs " + keepRuns + ")",
				"H2 file size after night " + baseNight + "; after night " + nights,
				mebibytes(baseBytes) + "; " + mebibytes(bytes), "", "", "", null);
		row("", "after night " + nights + " / after night " + baseNight, fixed(ratio), "", "", "≤ 1.5", ratio <= 1.5);
	}

	String render() {
		StringBuilder out = new StringBuilder();
		out.append(this.machine).append("\n\n");
		out.append("| workload | figure | job | baseline | job / baseline | target | met |\n");
		out.append("|---|---|---|---|---|---|---|\n");
		this.lines.forEach((line) -> out.append(line).append('\n'));
		return out.toString();
	}

	private void row(String workload, String figure, String job, String baseline, String ratio, String target,
			Boolean met) {
		String verdict = (met == null) ? "" : (met ? "yes" : "no");
		this.lines.add(String.join(" | ", "| " + workload, figure, job, baseline, ratio, target, verdict) + " |");
	}

	private static String requests(SimulatorCounters counters) {
		return String.format(Locale.ROOT, "%d = %d + %d + %d", counters.apiRequests(), counters.generateRequests(),
				counters.pollRequests(), counters.downloadUrlRequests());
	}

	private static String fixed(double value) {
		return String.format(Locale.ROOT, "%.2f", value);
	}

	private static String seconds(double value) {
		return String.format(Locale.ROOT, "%.1f s", value);
	}

	private static String millis(double value) {
		return String.format(Locale.ROOT, "%.2f ms", value);
	}

	private static String percent(double share) {
		return String.format(Locale.ROOT, "%.2f %%", share * 100);
	}

	private static String mebibytes(long bytes) {
		return (bytes < 0) ? "n/a" : String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
	}

}
