package io.fluxbatch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import picocli.CommandLine.Option;

/**
 * The options that say what to read and how to read it, shared by {@code run} and
 * {@code validate} so both see a CSV the same way.
 */
class InputOptions {

	@Option(names = "--input", paramLabel = "FILE", description = "the prompts CSV")
	Path input;

	@Option(names = "--job", paramLabel = "FILE", description = "a job file (YAML) with flux.* settings")
	Path job;

	@Option(names = "--model", paramLabel = "M", description = "model of rows that name none: pro, flex or a full name")
	String model;

	@Option(names = "--resolution", paramLabel = "1K|2K", description = "resolution of rows that name none")
	String resolution;

	@Option(names = "--aspect-ratio", paramLabel = "R", description = "aspect ratio of rows that name none")
	String aspectRatio;

	@Option(names = "--encoding", paramLabel = "CHARSET",
			description = "the input's encoding (UTF-8, UTF-16, windows-1252...); detected when not given")
	String encoding;

	@Option(names = "--delimiter", paramLabel = "C",
			description = "the input's cell separator (, ; tab | or any character); sniffed when not given")
	String delimiter;

	/** The job file, checked to exist, or {@code null}. */
	Path jobFile() {
		if (this.job != null && !Files.isRegularFile(this.job)) {
			throw new UsageException("job file not found: " + this.job);
		}
		return this.job;
	}

	/** The options given, as the Spring properties they set. */
	Map<String, String> properties() {
		Map<String, String> properties = new LinkedHashMap<>();
		put(properties, "flux.job.input", this.input);
		put(properties, "flux.job.model", this.model);
		put(properties, "flux.job.resolution", this.resolution);
		put(properties, "flux.job.aspect-ratio", this.aspectRatio);
		put(properties, "flux.job.encoding", this.encoding);
		put(properties, "flux.job.delimiter", this.delimiter);
		return properties;
	}

	private static void put(Map<String, String> properties, String name, Object value) {
		if (value != null) {
			properties.put(name, value.toString());
		}
	}

}
