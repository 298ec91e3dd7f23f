package io.fluxbatch.csv;

import java.nio.file.Path;
import java.util.List;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Restartable Spring Batch reader of a spreadsheet CSV or an {@code .xlsx} sheet: yields
 * the data records (header skipped) and, on restart, resumes after the last committed
 * record with the same row and line numbers as the first run.
 */
public class SpreadsheetCsvReader extends AbstractItemCountingItemStreamItemReader<CsvRecord> {

	private final Path file;

	private final CsvOptions options;

	private RecordSource source;

	private List<String> header;

	/**
	 * Reads a file, finding its encoding and delimiter unless {@code options} name them.
	 * @param file the input file
	 * @param options the encoding and delimiter the user named, if any
	 */
	public SpreadsheetCsvReader(Path file, CsvOptions options) {
		this.file = file;
		this.options = options;
		// A fixed name keeps the execution context key stable across restarts.
		setName("csv");
	}

	/**
	 * Returns the trimmed header cells, trailing empty ones dropped.
	 * @return the header
	 * @throws IllegalStateException before {@link #open(ExecutionContext)}
	 */
	public List<String> header() {
		if (this.header == null) {
			throw new IllegalStateException("open the reader before asking for the header");
		}
		return this.header;
	}

	/**
	 * Opens the file, skipping the records already read before a restart.
	 * @throws CsvInputException if the file cannot be read (not wrapped, so the job can
	 * report it as an input error)
	 */
	@Override
	public void open(ExecutionContext executionContext) {
		try {
			super.open(executionContext);
		}
		catch (ItemStreamException ex) {
			if (ex.getCause() instanceof CsvInputException inputProblem) {
				throw inputProblem;
			}
			throw ex;
		}
	}

	@Override
	protected void doOpen() {
		this.source = InputFiles.open(this.file, this.options);
		this.header = this.source.header();
	}

	@Override
	protected CsvRecord doRead() {
		return this.source.next();
	}

	@Override
	protected void doClose() throws Exception {
		if (this.source != null) {
			this.source.close();
			this.source = null;
		}
	}

}
