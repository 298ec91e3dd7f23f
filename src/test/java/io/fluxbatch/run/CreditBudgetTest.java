package io.fluxbatch.run;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link CreditBudget}: a row is sent only if its price fits, what the API charges
 * replaces the reservation, and only what cannot have been paid is given back.
 */
class CreditBudgetTest {

	@Test
	void aRowThatDoesNotFitIsNotSent() {
		CreditBudget budget = new CreditBudget(100L);

		assertThat(budget.reserve(1, 45)).isTrue();
		assertThat(budget.reserve(2, 45)).isTrue();
		assertThat(budget.reserve(3, 45)).isFalse();
		assertThat(budget.left()).isEqualTo(10);
	}

	@Test
	void theChargeReplacesTheReservationAndALostAnswerStaysCounted() {
		CreditBudget budget = new CreditBudget(100L);
		budget.reserve(1, 45);

		budget.charge(1, 30, 45);

		assertThat(budget.spent()).isEqualTo(75);
	}

	@Test
	void aFailedGenerationAndAPostWithoutATaskGiveTheirReservationBack() {
		CreditBudget budget = new CreditBudget(100L);
		budget.reserve(1, 30);
		budget.charge(1, 30, 0);
		budget.reserve(2, 30);

		budget.generationFailed(1);
		budget.release(2, 0);

		assertThat(budget.spent()).isZero();
	}

	@Test
	void aGeneratedImagesChargeIsFinalAndANewCommandStartsFromNothing() {
		CreditBudget budget = new CreditBudget(100L);
		budget.reserve(1, 30);
		budget.generated(1);
		budget.generationFailed(1);
		assertThat(budget.spent()).isEqualTo(30);

		budget.beforeJob(null);

		assertThat(budget.spent()).isZero();
	}

	@Test
	void withoutAMaximumEveryRowFits() {
		CreditBudget budget = new CreditBudget(null);

		assertThat(budget.reserve(1, Long.MAX_VALUE / 2)).isTrue();
		assertThat(budget.left()).isEqualTo(Long.MAX_VALUE);
	}

}
