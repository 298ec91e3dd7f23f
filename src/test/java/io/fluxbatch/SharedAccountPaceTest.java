package io.fluxbatch;

import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import io.fluxbatch.api.AccountPace;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two runs on one account, each with its own view of the job database, keep to one pace:
 * they take the account's slots in turn, and a {@code Retry-After} one of them was given
 * holds the other. On H2 and on a real PostgreSQL server.
 */
class SharedAccountPaceTest {

	private static final Instant NIGHT = Instant.parse("2026-12-03T02:00:00Z");

	private static final Duration FIFTH = Duration.ofMillis(200);

	@Test
	void twoRunsTakeTheAccountsSlotsInTurnOnH2() {
		twoRunsTakeTheAccountsSlotsInTurn(h2());
	}

	@Test
	void twoRunsTakeTheAccountsSlotsInTurnOnPostgresql() throws Exception {
		try (PostgresDatabase database = PostgresDatabase.create()) {
			twoRunsTakeTheAccountsSlotsInTurn(migrated(database.dataSource(), "postgresql"));
		}
	}

	@Test
	void aRetryAfterOneRunWasGivenHoldsTheOtherOnH2() {
		aRetryAfterOneRunWasGivenHoldsTheOther(h2());
	}

	@Test
	void aRetryAfterOneRunWasGivenHoldsTheOtherOnPostgresql() throws Exception {
		try (PostgresDatabase database = PostgresDatabase.create()) {
			aRetryAfterOneRunWasGivenHoldsTheOther(migrated(database.dataSource(), "postgresql"));
		}
	}

	@Test
	void anotherAccountsScheduleIsItsOwn() {
		DataSource database = h2();
		pace(database, "spring").book(NIGHT, FIFTH);

		assertThat(pace(database, "autumn").book(NIGHT, FIFTH).at()).isEqualTo(NIGHT);
	}

	@Test
	void aRunWhosePaceIsBehindTheAccountsIsNotHurried() {
		DataSource database = h2();
		pace(database, "spring").book(NIGHT, FIFTH);

		assertThat(pace(database, "spring").book(NIGHT.plusSeconds(10), FIFTH).at()).isEqualTo(NIGHT.plusSeconds(10));
	}

	private void twoRunsTakeTheAccountsSlotsInTurn(DataSource database) {
		AccountPace first = pace(database, "spring");
		AccountPace second = pace(database, "spring");

		assertThat(first.book(NIGHT, FIFTH).at()).isEqualTo(NIGHT);
		assertThat(second.book(NIGHT, FIFTH).at()).isEqualTo(NIGHT.plus(FIFTH));
		assertThat(first.book(NIGHT.plus(FIFTH), FIFTH).at()).isEqualTo(NIGHT.plus(FIFTH.multipliedBy(2)));
		assertThat(second.book(NIGHT.plus(FIFTH), FIFTH).at()).as("five a second between them, not ten")
			.isEqualTo(NIGHT.plus(FIFTH.multipliedBy(3)));
	}

	private void aRetryAfterOneRunWasGivenHoldsTheOther(DataSource database) {
		AccountPace first = pace(database, "spring");
		AccountPace second = pace(database, "spring");
		first.book(NIGHT, FIFTH);

		first.hold(NIGHT.plusSeconds(3));
		AccountPace.Slot held = second.book(NIGHT.plus(FIFTH), FIFTH);

		assertThat(held.at()).isEqualTo(NIGHT.plusSeconds(3));
		assertThat(held.heldUntil()).isEqualTo(NIGHT.plusSeconds(3));
		assertThat(first.book(NIGHT.plus(FIFTH), FIFTH).at()).as("the slot after the held one")
			.isEqualTo(NIGHT.plusSeconds(3).plus(FIFTH));
	}

	private static AccountPace pace(DataSource database, String account) {
		return new SharedAccountPace(database, new JdbcTransactionManager(database), account);
	}

	private static DataSource h2() {
		return migrated(
				new DriverManagerDataSource("jdbc:h2:mem:pace-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", ""),
				"h2");
	}

	private static DataSource migrated(DataSource database, String vendor) {
		Flyway.configure().dataSource(database).locations("classpath:db/migration/" + vendor).load().migrate();
		return database;
	}

}
