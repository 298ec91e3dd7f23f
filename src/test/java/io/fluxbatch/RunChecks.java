package io.fluxbatch;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import io.fluxbatch.library.FileHashes;
import io.fluxbatch.simulator.FluxSimulator;
import io.fluxbatch.simulator.TaskRecord;
import io.fluxbatch.simulator.TaskState;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a finished run owes its user, judged from the files it wrote and the simulator's
 * own records: no row lost, nothing paid twice unflagged, every image verified, credits
 * reconciled.
 */
final class RunChecks {

	private RunChecks() {
	}

	/** Every input row is in results.csv, in a final state. */
	static void assertEveryRowFinal(List<Map<String, String>> results, int rows) {
		assertThat(results).hasSize(rows);
		assertThat(results).extracting((row) -> row.get("row"))
			.containsExactlyElementsOf(
					java.util.stream.IntStream.rangeClosed(1, rows).mapToObj(Integer::toString).toList());
		assertThat(results).extracting((row) -> row.get("status")).doesNotContain("PENDING");
	}

	/**
	 * A prompt the API generated more than once belongs to a row flagged duplicate_risk.
	 */
	static void assertNoUnflaggedDuplicates(FluxSimulator simulator, List<Map<String, String>> results) {
		Map<String, Long> chargeableTasksByPrompt = simulator.tasks()
			.stream()
			.filter((task) -> task.state() != TaskState.FAILED)
			.collect(Collectors.groupingBy(TaskRecord::prompt, Collectors.counting()));
		Set<String> flagged = results.stream()
			.filter((row) -> "yes".equals(row.get("duplicate_risk")))
			.map((row) -> row.get("prompt"))
			.collect(Collectors.toSet());
		chargeableTasksByPrompt.forEach((prompt, tasks) -> {
			if (tasks > 1) {
				assertThat(flagged).as("row of '%s' was generated %d times", prompt, tasks).contains(prompt);
			}
		});
	}

	/** Each COMPLETED row's file decodes at its size and matches its sha256. */
	static void assertImagesVerified(Path output, List<Map<String, String>> results) throws IOException {
		for (Map<String, String> row : results) {
			if (row.get("status").equals("COMPLETED")) {
				Path file = output.resolve(row.get("file"));
				BufferedImage image = ImageIO.read(file.toFile());
				assertThat(image).as(row.get("file")).isNotNull();
				assertThat(image.getWidth()).isEqualTo(Integer.parseInt(row.get("width")));
				assertThat(FileHashes.sha256(file)).isEqualTo(row.get("sha256"));
			}
		}
	}

	/**
	 * totals.csv's TOTAL is what the simulator charged for the tasks the run knows; tasks
	 * it never heard of (a lost answer) are charged too, and stay within
	 * POSSIBLE_DUPLICATES.
	 */
	static void assertCreditsReconcile(FluxSimulator simulator, Path output, List<Map<String, String>> results)
			throws IOException {
		Set<String> known = results.stream().map((row) -> row.get("task_id")).collect(Collectors.toSet());
		long chargedKnown = simulator.tasks()
			.stream()
			.filter((task) -> known.contains(task.taskId()))
			.mapToLong(TaskRecord::creditsCharged)
			.sum();
		long chargedUnknown = simulator.tasks()
			.stream()
			.filter((task) -> !known.contains(task.taskId()))
			.mapToLong(TaskRecord::creditsCharged)
			.sum();
		Map<String, Map<String, String>> totals = CsvRows.read(output.resolve("totals.csv"))
			.stream()
			.collect(Collectors.toMap((line) -> line.get("model") + " " + line.get("resolution"), (line) -> line,
					(a, b) -> a));
		assertThat(Long.parseLong(totals.get("TOTAL ").get("credits"))).isEqualTo(chargedKnown);
		assertThat(chargedUnknown)
			.isLessThanOrEqualTo(Long.parseLong(totals.get("POSSIBLE_DUPLICATES ").get("credits")));
		assertThat(simulator.counters().creditsCharged()).isEqualTo(chargedKnown + chargedUnknown);
	}

}
