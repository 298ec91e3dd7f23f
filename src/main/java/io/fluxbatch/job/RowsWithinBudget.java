package io.fluxbatch.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * The rows to submit, in input order, as far as the budget reaches. The step reads on one
 * thread and only sends on several, so reserving here keeps the input order: the budget
 * stops at the first row that does not fit, not at whichever thread came last. That row
 * and those after it stay pending with the reason, for the next command.
 */
public class RowsWithinBudget implements ItemStreamReader<RowToSubmit> {

	private static final Logger log = LoggerFactory.getLogger(RowsWithinBudget.class);

	private final ItemStreamReader<RowToSubmit> rows;

	private final CreditBudget budget;

	private final RunStop stop;

	private final RowTable rowTable;

	public RowsWithinBudget(ItemStreamReader<RowToSubmit> rows, CreditBudget budget, RunStop stop, RowTable rowTable) {
		this.rows = rows;
		this.budget = budget;
		this.stop = stop;
		this.rowTable = rowTable;
	}

	@Override
	public RowToSubmit read() throws Exception {
		if (this.stop.stopped()) {
			return null;
		}
		RowToSubmit row = this.rows.read();
		if (row == null || this.budget.reserve(row.rowNo(), row.price())) {
			return row;
		}
		String why = "the budget of " + this.budget.maxCredits() + " credits (--max-credits) is reached: row "
				+ row.rowNo() + " costs " + row.price() + " and " + this.budget.left()
				+ " are left; run again tomorrow or with a higher --max-credits to continue";
		log.info(why);
		this.rowTable.holdBack(row.instanceId(), row.rowNo(), "not submitted: " + why);
		this.stop.stopForBudget(why);
		return null;
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
