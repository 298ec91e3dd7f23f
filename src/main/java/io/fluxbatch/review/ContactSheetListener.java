package io.fluxbatch.review;

import java.nio.file.Path;
import java.time.ZoneId;

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
		String output = execution.getJobParameters().getString("output");
		Long run = execution.getJobParameters().getLong("run");
		if (output == null || execution.getStartTime() == null) {
			return;
		}
		try {
			this.sheet.write(execution.getJobInstance().getInstanceId(), (run != null) ? run : 0, Path.of(output),
					execution.getStartTime().atZone(ZoneId.systemDefault()).toInstant());
			log.info("contact sheet: {}", Path.of(output).resolve(ContactSheet.FILE));
		}
		catch (RuntimeException failure) {
			log.warn("the contact sheet {} could not be written: {}", Path.of(output).resolve(ContactSheet.FILE),
					failure.getMessage());
		}
	}

}
