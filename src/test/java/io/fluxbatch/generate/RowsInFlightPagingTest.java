package io.fluxbatch.generate;

import java.nio.file.Path;
import java.util.Map;

import javax.sql.DataSource;

import io.fluxbatch.rows.PageScans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generate step's reader, over rows of several statuses, pages a catalog of any size
 * in linear time: each page walks the rows in order from where the last one ended.
 */
class RowsInFlightPagingTest {

	@TempDir
	Path dir;

	@Test
	void aPageOfRowsInFlightReadsAboutItsOwnRows() throws Exception {
		DataSource database = PageScans.twoRunsOf(5_000, this.dir);

		long scanned = PageScans.thirdPage(database, GenerateStepConfiguration.rowsInFlightQuery(database), 500,
				Map.of("instanceId", PageScans.INSTANCE));

		assertThat(scanned).as("rows read for a page of 500 of 5,000 rows in flight").isLessThanOrEqualTo(501);
	}

}
