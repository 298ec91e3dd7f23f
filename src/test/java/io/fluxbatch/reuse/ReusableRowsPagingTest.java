package io.fluxbatch.reuse;

import java.nio.file.Path;
import java.util.Map;

import javax.sql.DataSource;

import io.fluxbatch.rows.PageScans;
import io.fluxbatch.run.RunParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reuse step's reader pages a catalog of any size in linear time: each page reads its
 * own rows from the index, not every row that remains.
 */
class ReusableRowsPagingTest {

	@TempDir
	Path dir;

	@Test
	void aPageOfReusableRowsReadsAboutItsOwnRows() throws Exception {
		DataSource database = PageScans.twoRunsOf(5_000, this.dir);
		RunParameters run = new RunParameters(PageScans.INSTANCE, this.dir.resolve("in.csv"), this.dir, 1, null, null,
				false, "api", null);

		long scanned = PageScans.thirdPage(database, ReuseStepConfiguration.reusableRowsQuery(database, run), 200,
				Map.of("instanceId", PageScans.INSTANCE, "new", "NEW"));

		assertThat(scanned).as("rows read for a page of 200 of 3,333 NEW rows").isLessThanOrEqualTo(201);
	}

}
