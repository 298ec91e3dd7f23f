package io.fluxbatch.submit;

import java.sql.Timestamp;
import java.util.Map;
import java.util.UUID;

import io.fluxbatch.StageStepTest;
import io.fluxbatch.poll.PendingTask;
import io.fluxbatch.poll.PollOutcome;
import io.fluxbatch.poll.TaskPoller;
import io.fluxbatch.run.RunStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link TaskSubmitter} and {@link TaskPoller} on one row of a loaded run, outside any
 * step: the submitter's POST is committed on the row through {@link SubmitRows}, and the
 * poller follows the task it made to its image's URL.
 */
class TaskSubmitterTest extends StageStepTest {

	@AfterEach
	void clearTheStop() {
		// The next job starts with no stop; so does the next test here.
		this.context.getBean(RunStop.class).beforeJob(null);
	}

	@Test
	void aRowIsSubmittedOnceItsTaskRecordedAndThePollerSeesItGenerated() throws Exception {
		String token = UUID.randomUUID().toString();
		StageRun loaded = runThrough("reuseImagesStep",
				firstRun(sheet("in.csv", "id,prompt", "a,A red chair " + token)));
		RowToSubmit row = rowToSubmit(loaded.instanceId());

		assertThat(this.context.getBean(TaskSubmitter.class).process(row)).isEqualTo(row);

		assertThat(simulator().generations()).filteredOn((sent) -> sent.prompt().contains(token)).hasSize(1);
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
		assertThat(this.jdbc.sql("SELECT STATUS FROM FLUX_ROW WHERE JOB_INSTANCE_ID = ?")
			.param(loaded.instanceId())
			.query(String.class)
			.single()).isEqualTo("GENERATED");
	}

	@Test
	void onceTheAccountStoppedSubmissionsNoRowIsSent() throws Exception {
		String token = UUID.randomUUID().toString();
		StageRun loaded = runThrough("reuseImagesStep",
				firstRun(sheet("in.csv", "id,prompt", "a,A red chair " + token)));
		this.context.getBean(RunStop.class).requestStop();

		assertThat(this.context.getBean(TaskSubmitter.class).process(rowToSubmit(loaded.instanceId()))).isNull();

		assertThat(simulator().generations()).filteredOn((sent) -> sent.prompt().contains(token)).isEmpty();
		assertThat(this.jdbc.sql("SELECT STATUS FROM FLUX_ROW WHERE JOB_INSTANCE_ID = ?")
			.param(loaded.instanceId())
			.query(String.class)
			.single()).isEqualTo("NEW");
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
