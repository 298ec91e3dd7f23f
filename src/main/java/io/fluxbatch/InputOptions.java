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

	@Option(names = "--quote", paramLabel = "Q",
			description = "the character that quotes the input's cells: \" or '; found when not given")
	String quote;

	@Option(names = "--sheet", paramLabel = "NAME",
			description = "the sheet of an .xlsx input to read; the first when not given")
	String sheet;

	@Option(names = "--prompt-column", paramLabel = "NAME", description = "the column holding the prompt")
	String promptColumn;

	@Option(names = "--key-column", paramLabel = "NAME", description = "the column holding the key (file name)")
	String keyColumn;

	@Option(names = "--input-urls-column", paramLabel = "NAME", description = "the column holding reference images")
	String inputUrlsColumn;

	@Option(names = "--prompt-template", paramLabel = "TEXT",
			description = "the prompt built from columns: \"Photo of {Title} in {Color|natural}\"")
	String promptTemplate;

	@Option(names = "--file-name", paramLabel = "TEXT",
			description = "image file names built from columns: \"{Handle}-{Color}\"")
	String fileName;

	@Option(names = "--images-per-row", paramLabel = "N",
			description = "distinct images of each row (1 to 10), keyed <key>-1 .. <key>-N")
	Integer imagesPerRow;

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
		put(properties, "flux.job.quote", this.quote);
		put(properties, "flux.job.sheet", this.sheet);
		put(properties, "flux.job.catalog.prompt-column", this.promptColumn);
		put(properties, "flux.job.catalog.key-column", this.keyColumn);
		put(properties, "flux.job.catalog.input-urls-column", this.inputUrlsColumn);
		put(properties, "flux.job.catalog.prompt-template", this.promptTemplate);
		put(properties, "flux.job.catalog.file-name", this.fileName);
		put(properties, "flux.job.catalog.images-per-row", this.imagesPerRow);
		return properties;
	}

	private static void put(Map<String, String> properties, String name, Object value) {
		if (value != null) {
			properties.put(name, value.toString());
		}
	}

}
