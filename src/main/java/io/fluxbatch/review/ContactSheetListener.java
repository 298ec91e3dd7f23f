package io.fluxbatch.review;

import java.nio.file.Path;
import java.time.ZoneId;

import io.fluxbatch.run.RunParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * Writes the contact sheet whenever a run ends, beside results.csv. The images and
 * results.csv are the run's promise; a sheet that cannot be written is logged, and does
 * not fail the run.
 */
public class ContactSheetListener implements JobExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(ContactSheetListener.class);

	private final ContactSheet sheet;

	public ContactSheetListener(ContactSheet sheet) {
		this.sheet = sheet;
	}

	@Override
	public void afterJob(JobExecution execution) {
		if (execution.getStartTime() == null) {
			return;
		}
		RunParameters run = RunParameters.of(execution);
		Path output = run.output();
		try {
			this.sheet.write(run.instanceId(), run.run(), output,
					execution.getStartTime().atZone(ZoneId.systemDefault()).toInstant());
			log.info("contact sheet: {}", output.resolve(ContactSheet.FILE));
		}
		catch (RuntimeException failure) {
			log.warn("the contact sheet {} could not be written: {}", output.resolve(ContactSheet.FILE),
					failure.getMessage());
		}
	}

}
