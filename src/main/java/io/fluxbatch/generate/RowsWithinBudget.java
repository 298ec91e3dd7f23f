package io.fluxbatch.generate;

import io.fluxbatch.rows.RowStatus;
import io.fluxbatch.run.CreditBudget;
import io.fluxbatch.run.RunStop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * The rows in flight, in input order, those to be sent only as far as the budget reaches.
 * The step reads on one thread and only sends on several, so reserving here keeps the
 * input order: the budget stops at the first row that does not fit, not at whichever
 * thread came last. That row and those after it stay pending with the reason, for the
 * next command; rows already paid for are still read, to be polled and downloaded.
 */
public class RowsWithinBudget implements ItemStreamReader<RowInFlight> {

	private static final Logger log = LoggerFactory.getLogger(RowsWithinBudget.class);

	private final ItemStreamReader<RowInFlight> rows;

	private final CreditBudget budget;

	private final RunStop stop;

	private final GenerateRows rowTable;

	public RowsWithinBudget(ItemStreamReader<RowInFlight> rows, CreditBudget budget, RunStop stop,
			GenerateRows rowTable) {
		this.rows = rows;
		this.budget = budget;
		this.stop = stop;
		this.rowTable = rowTable;
	}

	@Override
	public RowInFlight read() throws Exception {
		while (!this.stop.everythingStopped()) {
			RowInFlight row = this.rows.read();
			if (row == null || (!row.needsSubmission() && mayContinue(row))) {
				return row;
			}
			if (row.needsSubmission() && !this.stop.stopped()) {
				long price = row.toSubmit().price();
				if (this.budget.reserve(row.rowNo(), price)) {
					return row;
				}
				String why = "the budget of " + this.budget.maxCredits() + " credits (--max-credits) is reached: row "
						+ row.rowNo() + " costs " + price + " and " + this.budget.left()
						+ " are left; run again tomorrow or with a higher --max-credits to continue";
				log.info(why);
				this.rowTable.holdBack(row.instanceId(), row.rowNo(), "not submitted: " + why);
				this.stop.stopForBudget(why);
			}
		}
		return null;
	}

	/** A task can be followed while API requests may be sent; an image always fetched. */
	private boolean mayContinue(RowInFlight row) {
		return row.status() != RowStatus.SUBMITTED || !this.stop.requestsStopped();
	}

	@Override
	public void open(ExecutionContext executionContext) {
		this.rows.open(executionContext);
	}

	@Override
	public void update(ExecutionContext executionContext) {
		this.rows.update(executionContext);
	}

	@Override
	public void close() {
		this.rows.close();
	}

}
