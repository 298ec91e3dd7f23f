package io.fluxbatch.submit;

import java.nio.file.Files;
import java.sql.Timestamp;
import java.util.Map;
import java.util.UUID;

import io.fluxbatch.StageStepTest;
import io.fluxbatch.download.DownloadOutcome;
import io.fluxbatch.download.GeneratedImage;
import io.fluxbatch.download.ImageFetcher;
import io.fluxbatch.poll.PendingTask;
import io.fluxbatch.poll.PollOutcome;
import io.fluxbatch.poll.TaskPoller;
import io.fluxbatch.run.RunStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.batch.test.JobScopeTestUtils;
import org.springframework.batch.test.StepScopeTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link TaskSubmitter}, {@link TaskPoller} and {@link ImageFetcher} on one row of a
 * loaded run, outside any step: the submitter's POST is committed on the row through
 * {@link SubmitRows}, the poller follows the task it made to its image's URL, and the
 * fetcher stores the image.
 */
class TaskSubmitterTest extends StageStepTest {

	@AfterEach
	void clearTheStop() {
		// The next job starts with no stop; so does the next test here.
		this.context.getBean(RunStop.class).beforeJob(null);
	}

	@Test
	void aRowIsSubmittedOnceItsTaskRecordedPolledToItsImageAndTheImageStored() throws Exception {
		String token = UUID.randomUUID().toString();
		StageRun loaded = runThrough("reuseImagesStep",
				firstRun(sheet("in.csv", "id,prompt", "a,A red chair " + token)));
		RowToSubmit row = rowToSubmit(loaded.instanceId());

		assertThat(this.context.getBean(TaskSubmitter.class).process(row)).isEqualTo(row);

		assertThat(generationsWith(token)).hasSize(1);
		Map<String, Object> stored = this.jdbc
			.sql("SELECT STATUS, TASK_ID, CREDITS, SUBMITTED_AT, NEXT_POLL_AT FROM FLUX_ROW WHERE JOB_INSTANCE_ID = ?")
			.param(loaded.instanceId())
			.query()
			.singleRow();
		assertThat(stored.get("STATUS")).isEqualTo("SUBMITTED");
		assertThat(stored.get("TASK_ID")).isNotNull();
		assertThat(((Number) stored.get("CREDITS")).longValue()).isPositive();

		PollOutcome outcome = this.context.getBean(TaskPoller.class)
			.process(new PendingTask(loaded.instanceId(), row.rowNo(), (String) stored.get("TASK_ID"), row.model(),
					((Timestamp) stored.get("SUBMITTED_AT")).toInstant(),
					((Timestamp) stored.get("NEXT_POLL_AT")).toInstant(), 0, 0));

		assertThat(outcome.status()).isEqualTo("GENERATED");
		Map<String, Object> generated = this.jdbc
			.sql("SELECT STATUS, OUTPUT_URL, FILE_NAME, FINGERPRINT FROM FLUX_ROW WHERE JOB_INSTANCE_ID = ?")
			.param(loaded.instanceId())
			.query()
			.singleRow();
		assertThat(generated.get("STATUS")).isEqualTo("GENERATED");

		GeneratedImage image = new GeneratedImage(loaded.instanceId(), row.rowNo(), (String) stored.get("TASK_ID"),
				output(), (String) generated.get("FILE_NAME"), (String) generated.get("OUTPUT_URL"), outcome.width(),
				outcome.height(), (String) generated.get("FINGERPRINT"));
		// The fetcher belongs to the step and its run: made in their scopes, as the
		// generate step makes it.
		DownloadOutcome downloaded = StepScopeTestUtils.doInStepScope(loaded.step(),
				() -> JobScopeTestUtils.doInJobScope(loaded.step().getJobExecution(),
						() -> this.context.getBean(ImageFetcher.class).process(image)));

		assertThat(downloaded.status()).isEqualTo("DOWNLOADED");
		assertThat(Files.size(output().resolve(downloaded.filePath()))).isEqualTo(downloaded.bytes());
		assertThat(rowColumn(loaded.instanceId(), "STATUS")).containsExactly("DOWNLOADED");
	}

	@Test
	void onceTheAccountStoppedSubmissionsNoRowIsSent() throws Exception {
		String token = UUID.randomUUID().toString();
		StageRun loaded = runThrough("reuseImagesStep",
				firstRun(sheet("in.csv", "id,prompt", "a,A red chair " + token)));
		this.context.getBean(RunStop.class).requestStop();

		assertThat(this.context.getBean(TaskSubmitter.class).process(rowToSubmit(loaded.instanceId()))).isNull();

		assertThat(generationsWith(token)).isEmpty();
		assertThat(rowColumn(loaded.instanceId(), "STATUS")).containsExactly("NEW");
	}

	private RowToSubmit rowToSubmit(long instanceId) {
		return this.jdbc
			.sql("""
					SELECT ROW_NO, STATUS, MODEL, PROMPT, RESOLUTION, ASPECT_RATIO, INPUT_URLS, SUBMIT_ATTEMPTS, LOST_ANSWERS
					FROM FLUX_ROW WHERE JOB_INSTANCE_ID = ?""")
			.param(instanceId)
			.query((rs, n) -> new RowToSubmit(instanceId, rs.getInt(1), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8), rs.getInt(9)))
			.single();
	}

}
