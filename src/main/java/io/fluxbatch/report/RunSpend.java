package io.fluxbatch.report;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * What a run has spent (and may have paid twice) so far, or what one command of it spent:
 * a command's spend is the run's now less the run's when the command before it ended.
 *
 * @param images images generated and paid for
 * @param credits what they cost
 * @param possibleDuplicates tasks a lost answer may have created unseen
 * @param possibleCost the most those may have cost
 * @param creditsByModel credits per "model resolution"
 */
public record RunSpend(long images, long credits, long possibleDuplicates, long possibleCost,
		Map<String, Long> creditsByModel) {

	public static final RunSpend NONE = new RunSpend(0, 0, 0, 0, Map.of());

	public static RunSpend of(List<TotalsLine> totals, TotalsLine possibleDuplicates) {
		Map<String, Long> byModel = new TreeMap<>();
		totals.stream()
			.filter((line) -> line.credits() != 0)
			.forEach((line) -> byModel.merge(line.model() + " " + line.resolution(), line.credits(), Long::sum));
		return new RunSpend(totals.stream().mapToLong(TotalsLine::images).sum(),
				totals.stream().mapToLong(TotalsLine::credits).sum(), possibleDuplicates.images(),
				possibleDuplicates.credits(), byModel);
	}

	public RunSpend minus(RunSpend earlier) {
		Map<String, Long> byModel = new TreeMap<>();
		this.creditsByModel.forEach((model, credits) -> {
			long spent = credits - earlier.creditsByModel.getOrDefault(model, 0L);
			if (spent != 0) {
				byModel.put(model, spent);
			}
		});
		return new RunSpend(this.images - earlier.images, this.credits - earlier.credits,
				this.possibleDuplicates - earlier.possibleDuplicates, this.possibleCost - earlier.possibleCost,
				byModel);
	}

	/** {@code flux-2/pro-text-to-image 1K 30; ...} */
	public String describeByModel() {
		return this.creditsByModel.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + " " + entry.getValue())
			.collect(Collectors.joining("; "));
	}

	/** As kept with the run between its commands. */
	public String encode() {
		return this.images + "\n" + this.credits + "\n" + this.possibleDuplicates + "\n" + this.possibleCost
				+ this.creditsByModel.entrySet()
					.stream()
					.map((entry) -> "\n" + entry.getKey() + "=" + entry.getValue())
					.collect(Collectors.joining());
	}

	public static RunSpend decode(@Nullable String encoded) {
		if (encoded == null || encoded.isEmpty()) {
			return NONE;
		}
		List<String> lines = encoded.lines().toList();
		Map<String, Long> byModel = new TreeMap<>();
		lines.subList(4, lines.size()).forEach((line) -> {
			int equals = line.lastIndexOf('=');
			byModel.put(line.substring(0, equals), Long.parseLong(line.substring(equals + 1)));
		});
		return new RunSpend(Long.parseLong(lines.get(0)), Long.parseLong(lines.get(1)), Long.parseLong(lines.get(2)),
				Long.parseLong(lines.get(3)), byModel);
	}

}
