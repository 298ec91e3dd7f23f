package io.fluxbatch.run;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;

import io.fluxbatch.csv.CsvOptions;
import io.fluxbatch.prompt.CatalogSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What a run works on and how hard it pushes ({@code flux.job.*}); the command line's
 * options land here, above a job file's values, above {@code application.yml}'s.
 *
 * @param input the prompts CSV
 * @param output the folder that receives results.csv, rejects.csv, totals.csv and images/
 * @param model the model of rows that name none ({@code pro}, {@code flex} or a full
 * name)
 * @param resolution the resolution of rows that name none
 * @param aspectRatio the aspect ratio of rows that name none
 * @param submitConcurrency how many submissions may wait for an answer at once
 * @param maxGenerations how many times a row is generated before its failure is final
 * (the vendor charges only successful generations)
 * @param poll when and how often tasks are polled
 * @param download how images are fetched
 * @param encoding the input's text encoding, or {@code null} to detect it
 * @param delimiter the input's cell separator ({@code ;}, {@code tab}...), or
 * {@code null} to sniff it from the header line
 * @param outputByteOrderMark whether our CSVs start with a UTF-8 byte order mark, which
 * Excel needs to read them as UTF-8
 * @param library the folder of images already paid for, shared between runs (default
 * {@code <output>/.library})
 * @param regenerate whether every row gets a new image, even one the library holds
 * @param maxCredits the most one command may spend on generations, or {@code null} for no
 * limit
 * @param quote the character that quotes the input's cells ({@code "} or {@code '}), or
 * {@code null} to find it
 * @param sheet the sheet of an {@code .xlsx} input to read, or {@code null} for the first
 * @param catalog how the catalog's own columns become prompts, images and file names
 * @param verifyLibrary whether every library image used is hashed again, rather than
 * trusted while its size, modification time and file are those recorded
 * @param keepRuns how many of a catalog's newest runs the job database keeps; older
 * finished ones are deleted at the end of each run (results, totals and spend.csv are the
 * permanent record)
 * @param rowsInFlight how many rows are carried at once from submission to image on disk,
 * each on a thread of its own (waiting for its task most of the time)
 */
@Validated
@ConfigurationProperties("flux.job")
public record FluxJobProperties(Path input, Path output, @DefaultValue("pro") @NotBlank String model,
		@DefaultValue("1K") @NotBlank String resolution, @DefaultValue("1:1") @NotBlank String aspectRatio,
		@DefaultValue("8") @Min(1) @Max(256) int submitConcurrency, @DefaultValue("3") @Min(1) int maxGenerations,
		@DefaultValue @Valid Poll poll, @DefaultValue @Valid Download download, Charset encoding, String delimiter,
		@DefaultValue("true") boolean outputByteOrderMark, Path library, @DefaultValue("false") boolean regenerate,
		@Min(0) Long maxCredits, @DefaultValue("128") @Min(1) @Max(1024) int rowsInFlight, String quote, String sheet,
		@DefaultValue @Valid CatalogSettings catalog, @DefaultValue("30") @Min(1) int keepRuns,
		@DefaultValue("false") boolean verifyLibrary) {

	/** The library folder a run into {@code output} uses. */
	public Path library(Path output) {
		return (this.library != null) ? this.library.toAbsolutePath().normalize()
				: output.toAbsolutePath().normalize().resolve(".library");
	}

	/** What the user said about how to read the input. */
	public CsvOptions csvOptions() {
		return new CsvOptions(this.encoding, CsvOptions.delimiter(this.delimiter), CsvOptions.quote(this.quote),
				(this.sheet != null && !this.sheet.isBlank()) ? this.sheet : null);
	}

	/**
	 * Polling of submitted tasks.
	 *
	 * @param concurrency how many polls may wait for an answer at once
	 * @param firstPollAfter the first poll's delay until a task of the same model has
	 * finished in this run; from then on the learned generation time is used
	 * @param maxInterval the longest wait between two polls of one task
	 * @param timeout how long the poll step runs before it leaves unfinished tasks for a
	 * rerun
	 */
	public record Poll(@DefaultValue("8") @Min(1) @Max(256) int concurrency,
			@DefaultValue("5s") @NotNull Duration firstPollAfter, @DefaultValue("10s") @NotNull Duration maxInterval,
			@DefaultValue("30m") @NotNull Duration timeout) {
	}

	/**
	 * Fetching of finished images.
	 *
	 * @param concurrency how many downloads run at once
	 */
	public record Download(@DefaultValue("4") @Min(1) @Max(64) int concurrency) {
	}

}
