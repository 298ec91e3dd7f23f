package io.fluxbatch.generate;

import java.nio.file.Path;
import java.util.concurrent.Semaphore;

import io.fluxbatch.download.DownloadOutcome;
import io.fluxbatch.download.ImageFetcher;
import io.fluxbatch.poll.PollOutcome;
import io.fluxbatch.poll.TaskPoller;
import io.fluxbatch.rows.RowStatus;
import io.fluxbatch.run.CreditBudget;
import io.fluxbatch.run.RunStop;
import io.fluxbatch.submit.RowToSubmit;
import io.fluxbatch.submit.TaskSubmitter;
import io.fluxbatch.submit.TasksInFlight;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Carries one row through as many of its states as it can in one go: sent, its task
 * followed, its image stored the moment a poll sees it done (before a short-lived URL
 * expires), and sent again after a failed generation. Each transition is committed by the
 * stage that makes it, around its own request, and the row is read back from the row
 * table before the next one, so the table is the only state and a crash anywhere leaves a
 * row the next run continues from where it stands.
 * <p>
 * Many rows are carried at once, each on a thread of its own; the stages' concurrency
 * settings bound how many of each kind of request are in flight.
 */
class RowLifecycle implements ItemProcessor<RowInFlight, RowInFlight> {

	private final TaskSubmitter submitter;

	private final TaskPoller poller;

	private final ImageFetcher fetcher;

	private final GenerateRows rows;

	private final CreditBudget budget;

	private final RunStop stop;

	private final Path outputDir;

	private final Semaphore submissions;

	private final Semaphore downloads;

	private final TasksInFlight tasks;

	RowLifecycle(TaskSubmitter submitter, TaskPoller poller, ImageFetcher fetcher, GenerateRows rows,
			CreditBudget budget, RunStop stop, TasksInFlight tasks, Path outputDir, int submitConcurrency,
			int downloadConcurrency) {
		this.tasks = tasks;
		this.submitter = submitter;
		this.poller = poller;
		this.fetcher = fetcher;
		this.rows = rows;
		this.budget = budget;
		this.stop = stop;
		this.outputDir = outputDir;
		this.submissions = new Semaphore(submitConcurrency, true);
		this.downloads = new Semaphore(downloadConcurrency, true);
	}

	/**
	 * @param read the row as read, its price reserved if it is to be sent
	 * @return the row in its last state, or {@code null} when nothing could be done
	 */
	@Override
	public RowInFlight process(RowInFlight read) throws InterruptedException {
		RowInFlight row = read;
		boolean reserved = read.needsSubmission();
		boolean counted = false;
		while (true) {
			switch (row.status()) {
				case NEW, SUBMITTING -> {
					if (!reserved && !reserveAgain(row)) {
						return null;
					}
					reserved = false;
					if (submit(row) == null) {
						return null;
					}
					counted = true;
				}
				case SUBMITTED -> {
					if (!counted) {
						this.tasks.following();
					}
					counted = false;
					PollOutcome outcome;
					try {
						outcome = this.poller.process(row.toPending());
					}
					finally {
						this.tasks.finished();
					}
					if (outcome == null) {
						return null;
					}
					if (outcome.failedGeneration() > 0) {
						this.budget.generationFailed(row.rowNo());
					}
					else if (RowStatus.GENERATED.name().equals(outcome.status())) {
						this.budget.generated(row.rowNo());
					}
					if (RowStatus.SUBMITTED.name().equals(outcome.status())) {
						// Still running at the poll timeout, or the run must stop.
						return row;
					}
				}
				case GENERATED -> {
					download(row);
					return row;
				}
				default -> {
					return row;
				}
			}
			row = this.rows.inFlight(row.instanceId(), row.rowNo());
		}
	}

	/**
	 * @return the row sent, its task counted in flight; {@code null} if none was made
	 */
	private RowToSubmit submit(RowInFlight row) throws InterruptedException {
		this.tasks.admit(this.stop);
		RowToSubmit sent = null;
		try {
			this.submissions.acquire();
			try {
				sent = this.submitter.process(row.toSubmit());
				return sent;
			}
			finally {
				this.submissions.release();
			}
		}
		finally {
			this.tasks.sent(sent != null);
		}
	}

	private DownloadOutcome download(RowInFlight row) throws InterruptedException {
		this.downloads.acquire();
		try {
			return this.fetcher.process(row.toGenerated(this.outputDir));
		}
		finally {
			this.downloads.release();
		}
	}

	/**
	 * A row whose generation failed goes round again, if the run may still send and the
	 * budget still has its price.
	 */
	private boolean reserveAgain(RowInFlight row) {
		if (this.stop.stopped()) {
			return false;
		}
		long price = row.toSubmit().price();
		if (this.budget.reserve(row.rowNo(), price)) {
			return true;
		}
		String why = "the budget of " + this.budget.maxCredits() + " credits (--max-credits) is reached: row "
				+ row.rowNo() + " costs " + price + " and " + this.budget.left()
				+ " are left; run again tomorrow or with a higher --max-credits to continue";
		this.rows.explainWaiting(row.instanceId(), row.rowNo(), "not submitted: " + why);
		this.stop.stopForBudget(why);
		return false;
	}

}
