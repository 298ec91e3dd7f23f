package io.fluxbatch;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options that say where a run writes, what it may reuse and spend, and which API it
 * talks to, shared by {@code run} and {@code estimate} so an estimate sees exactly the
 * run that would follow it.
 */
class RunOptions {

	@Option(names = "--output", paramLabel = "DIR", description = "where results.csv, totals.csv and images/ go")
	Path output;

	@Option(names = "--library", paramLabel = "DIR",
			description = "images already paid for, shared between runs (default <output>/.library)")
	Path library;

	@Option(names = "--regenerate", description = "generate every row again, even those the library holds")
	boolean regenerate;

	@Option(names = "--verify-library",
			description = "hash every library image used again instead of trusting one whose size, time and file "
					+ "are as recorded (run it weekly)")
	boolean verifyLibrary;

	@Option(names = "--max-credits", paramLabel = "N",
			description = "the most this command may spend; rows past it wait for the next run (exit 4)")
	Long maxCredits;

	@Option(names = "--base-url", paramLabel = "URL", description = "the API's base URL")
	String baseUrl;

	@Option(names = "--simulate", description = "use the embedded API simulator instead of the network")
	boolean simulate;

	@Option(names = "--no-bom", description = "write results.csv, rejects.csv and totals.csv without a byte order mark")
	boolean noByteOrderMark;

	@Mixin
	DatabaseOptions database;

	/** The options given, as the Spring properties they set. */
	Map<String, String> properties() {
		Map<String, String> properties = new LinkedHashMap<>();
		put(properties, "flux.job.output", this.output);
		put(properties, "flux.job.library", this.library);
		put(properties, "flux.job.max-credits", this.maxCredits);
		put(properties, "flux.api.base-url", this.baseUrl);
		if (this.regenerate) {
			properties.put("flux.job.regenerate", "true");
		}
		if (this.verifyLibrary) {
			properties.put("flux.job.verify-library", "true");
		}
		if (this.noByteOrderMark) {
			properties.put("flux.job.output-byte-order-mark", "false");
		}
		if (this.simulate) {
			properties.put("flux.simulator.enabled", "true");
		}
		properties.putAll(this.database.properties());
		return properties;
	}

	private static void put(Map<String, String> properties, String name, Object value) {
		if (value != null) {
			properties.put(name, value.toString());
		}
	}

}
