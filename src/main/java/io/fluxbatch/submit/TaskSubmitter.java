package io.fluxbatch.submit;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import io.fluxbatch.api.ApiException;
import io.fluxbatch.api.FluxClient;
import io.fluxbatch.api.GenerationRequest;
import io.fluxbatch.api.InsufficientCreditsException;
import io.fluxbatch.api.QuotaExhaustedException;
import io.fluxbatch.api.RejectedRequestException;
import io.fluxbatch.api.SubmitAttempts;
import io.fluxbatch.api.Task;
import io.fluxbatch.poll.PollSchedule;
import io.fluxbatch.run.CreditBudget;
import io.fluxbatch.run.RunStop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Sends one row's POST, committing the row's state before it (SUBMITTING) and the task id
 * the moment it arrives, so that no crash can make a row be sent twice without it being
 * flagged.
 */
public class TaskSubmitter implements ItemProcessor<RowToSubmit, RowToSubmit> {

	private static final Logger log = LoggerFactory.getLogger(TaskSubmitter.class);

	private final FluxClient client;

	private final SubmitRows rows;

	private final PollSchedule schedule;

	private final RunStop stop;

	private final Clock clock;

	private final CreditBudget budget;

	private final TasksInFlight tasks;

	TaskSubmitter(FluxClient client, SubmitRows rows, PollSchedule schedule, RunStop stop, Clock clock,
			CreditBudget budget, TasksInFlight tasks) {
		this.budget = budget;
		this.tasks = tasks;
		this.client = client;
		this.rows = rows;
		this.schedule = schedule;
		this.stop = stop;
		this.clock = clock;
	}

	@Override
	public RowToSubmit process(RowToSubmit row) {
		// The row's price was reserved when it was read; whatever happens, it is either
		// charged or given back.
		if (this.stop.submissionsStopped()) {
			this.budget.release(row.rowNo(), 0);
			return null;
		}
		SubmitAttempts attempts = new SubmitAttempts(() -> this.rows.markSubmitting(row), this.tasks::limitMet);
		try {
			Task task = this.client.submit(request(row), attempts);
			Instant now = this.clock.instant();
			long credits = credits(row, task);
			try {
				this.rows.recordSubmitted(row, attempts, task.id(), credits, now,
						this.schedule.firstPoll(row.model(), now));
			}
			catch (RuntimeException notKept) {
				attempts.answerNotKept();
				throw notKept;
			}
			this.budget.charge(row.rowNo(), credits, possiblyLost(row, attempts));
			return row;
		}
		catch (InsufficientCreditsException | QuotaExhaustedException exhausted) {
			this.rows.returnToNew(row, attempts, exhausted.describe());
			this.budget.release(row.rowNo(), possiblyLost(row, attempts));
			this.stop.stopFor(exhausted);
			return null;
		}
		catch (RejectedRequestException refused) {
			log.warn("row {}: the API refused the prompt: {}", row.rowNo(), refused.describe());
			this.rows.failSubmission(row, attempts, refused.describe());
			this.budget.release(row.rowNo(), possiblyLost(row, attempts));
			return null;
		}
		catch (RuntimeException failure) {
			// The API is down, refuses the key, or gave a 2xx that could not be read or
			// recorded (counted as a possible charge): the row waits for the rerun, which
			// sends it flagged; the step fails.
			this.rows.returnToNew(row, attempts,
					(failure instanceof ApiException api) ? api.describe() : failure.getMessage());
			this.budget.release(row.rowNo(), possiblyLost(row, attempts));
			throw failure;
		}
	}

	private static GenerationRequest request(RowToSubmit row) {
		List<String> urls = (row.inputUrls() == null || row.inputUrls().isEmpty()) ? List.of()
				: Arrays.asList(row.inputUrls().split("\n"));
		return new GenerationRequest(row.model(), row.prompt(), row.resolution(), row.aspectRatio(), urls);
	}

	/** The most the tasks this command may have created unseen can cost. */
	private static long possiblyLost(RowToSubmit row, SubmitAttempts attempts) {
		return attempts.lostAnswers() * row.price();
	}

	/** The server's figure when it gives one, the price table's otherwise. */
	private static long credits(RowToSubmit row, Task task) {
		if (task.creditsUsed() != null) {
			return task.creditsUsed();
		}
		return row.price();
	}

}
