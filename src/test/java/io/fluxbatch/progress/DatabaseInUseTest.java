package io.fluxbatch.progress;

import java.sql.SQLException;

import org.h2.api.ErrorCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseInUseTest {

	@Test
	void aDatabaseHeldByAnotherProcessIsToldByItsErrorCodeInAnyLanguage() {
		SQLException held = new SQLException("Base de données peut-être déjà utilisée", "90020",
				ErrorCode.DATABASE_ALREADY_OPEN_1);

		assertThat(DatabaseInUse.causedBy(new IllegalStateException("could not start", held))).isTrue();
	}

	@Test
	void anotherFailureWhoseMessageSaysLockedIsNotARunHoldingTheDatabase() {
		SQLException other = new SQLException("Timeout trying to lock table; the file is locked", "HYT00",
				ErrorCode.LOCK_TIMEOUT_1);

		assertThat(DatabaseInUse.causedBy(other)).isFalse();
		assertThat(DatabaseInUse.causedBy(new IllegalStateException("Database may be already in use"))).isFalse();
	}

}
