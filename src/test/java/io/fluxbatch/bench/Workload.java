package io.fluxbatch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.fluxbatch.simulator.SimulatorSettings;

/**
 * One benchmark workload: the rows, how the simulated API behaves, and the job file the
 * job runs with.
 *
 * @param name the table's name for it
 * @param prompts the rows
 * @param simulator how the API behaves
 * @param jobFile the {@code flux.*} settings of the job under test
 * @param requestsPerSecond the per-second pace of the baseline client (infinite: unpaced)
 */
record Workload(String name, List<BenchPrompt> prompts, SimulatorSettings simulator, String jobFile,
		double requestsPerSecond) {

	static final String PRO = "flux-2/pro-text-to-image";

	static final String FLEX = "flux-2/flex-text-to-image";

	/** {@code rows} prompts, every {@code flexEvery}-th on Flex (0 for none). */
	static List<BenchPrompt> prompts(int rows, int flexEvery) {
		List<BenchPrompt> prompts = new ArrayList<>(rows);
		for (int i = 1; i <= rows; i++) {
			String model = (flexEvery > 0 && i % flexEvery == 0) ? FLEX : PRO;
			prompts.add(new BenchPrompt("B-" + i, "Catalog photo of product " + i + " on a white background", model));
		}
		return prompts;
	}

	/** Writes the rows as the CSV the job reads, line by line. */
	Path writeCsv(Path file) throws IOException {
		try (var out = Files.newBufferedWriter(file)) {
			out.write("sku,prompt,model\n");
			for (BenchPrompt prompt : this.prompts) {
				out.write(prompt.key() + "," + prompt.text() + "," + prompt.model() + "\n");
			}
		}
		return file;
	}

	int rows() {
		return this.prompts.size();
	}

}
