package io.fluxbatch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The commands or options nearest to a mistyped one, by edit distance (a swap of two
 * letters counts as one edit), which finds {@code rnu} where picocli's letter-pair
 * similarity finds nothing.
 */
final class Suggestions {

	private static final int MOST_EDITS = 2;

	private Suggestions() {
	}

	static List<String> of(String given, CommandLine commandLine, List<String> picocli) {
		CommandSpec spec = commandLine.getCommandSpec();
		List<String> candidates = new ArrayList<>();
		if (given.startsWith("-")) {
			spec.options().forEach((option) -> candidates.addAll(List.of(option.names())));
		}
		else {
			candidates.addAll(spec.subcommands().keySet());
		}
		String typed = given.contains("=") ? given.substring(0, given.indexOf('=')) : given;
		List<String> near = candidates.stream()
			.filter((candidate) -> distance(typed, candidate) <= Math.min(MOST_EDITS, candidate.length() / 2))
			.sorted(Comparator.comparingInt((String candidate) -> distance(typed, candidate)))
			.distinct()
			.toList();
		return near.isEmpty() ? picocli : near;
	}

	/** Optimal string alignment distance. */
	static int distance(String a, String b) {
		int[][] d = new int[a.length() + 1][b.length() + 1];
		for (int i = 0; i <= a.length(); i++) {
			d[i][0] = i;
		}
		for (int j = 0; j <= b.length(); j++) {
			d[0][j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			for (int j = 1; j <= b.length(); j++) {
				int cost = (a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1;
				d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
				if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
					d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
				}
			}
		}
		return d[a.length()][b.length()];
	}

}
