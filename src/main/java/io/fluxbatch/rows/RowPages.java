package io.fluxbatch.rows;

import java.util.Map;

import javax.sql.DataSource;

import org.springframework.batch.infrastructure.item.database.Order;
import org.springframework.batch.infrastructure.item.database.PagingQueryProvider;
import org.springframework.batch.infrastructure.item.database.support.H2PagingQueryProvider;
import org.springframework.batch.infrastructure.item.database.support.SqlPagingQueryProviderFactoryBean;

/**
 * The paging queries of a run's rows in {@code ROW_NO} order, written so each page walks
 * an index from where the last one ended instead of sorting every row that remains: paged
 * that way, a catalog of 100,000 rows costs each page its own rows, not the whole table.
 * <p>
 * Spring Batch pages by its sort keys, and with {@code ROW_NO} alone H2 does not see that
 * an index on {@code (JOB_INSTANCE_ID, STATUS, ROW_NO)} is already in that order when the
 * {@code WHERE} clause fixes the first two: it reads and sorts all of them at every page.
 * Naming the fixed columns in the {@code ORDER BY} too gives the same order and lets it
 * walk the index. Several sort keys would say so, but Spring Batch then pages with an
 * {@code OR} of conditions no index serves; so the order is written here, the sort key
 * stays {@code ROW_NO}. Where the rows of several statuses are read together, H2 is told
 * to walk the primary key's order ({@code FLUX_ROW_BY_ROW_NO}); PostgreSQL finds it on
 * its own.
 */
public final class RowPages {

	private RowPages() {
	}

	/**
	 * Rows of one status, in {@code ROW_NO} order.
	 * @param whereClause fixes {@code JOB_INSTANCE_ID} and {@code STATUS} to one value
	 * each
	 */
	public static PagingQueryProvider ofOneStatus(DataSource dataSource, String selectClause, String whereClause)
			throws Exception {
		return new IndexOrder(provider(dataSource, selectClause, "FROM FLUX_ROW", whereClause),
				"JOB_INSTANCE_ID ASC, STATUS ASC, ");
	}

	/**
	 * Rows of any statuses, in {@code ROW_NO} order.
	 * @param whereClause fixes {@code JOB_INSTANCE_ID}
	 */
	public static PagingQueryProvider ofSeveralStatuses(DataSource dataSource, String selectClause, String whereClause)
			throws Exception {
		PagingQueryProvider probe = provider(dataSource, selectClause, "FROM FLUX_ROW", whereClause);
		String from = (probe instanceof H2PagingQueryProvider) ? "FROM FLUX_ROW USE INDEX (FLUX_ROW_BY_ROW_NO)"
				: "FROM FLUX_ROW";
		return new IndexOrder(provider(dataSource, selectClause, from, whereClause), "JOB_INSTANCE_ID ASC, ");
	}

	private static PagingQueryProvider provider(DataSource dataSource, String selectClause, String fromClause,
			String whereClause) throws Exception {
		SqlPagingQueryProviderFactoryBean factory = new SqlPagingQueryProviderFactoryBean();
		factory.setDataSource(dataSource);
		factory.setSelectClause(selectClause);
		factory.setFromClause(fromClause);
		factory.setWhereClause(whereClause);
		factory.setSortKeys(Map.of("ROW_NO", Order.ASCENDING));
		return factory.getObject();
	}

	/**
	 * Spring Batch's queries with the columns the index leads with put before the sort
	 * key.
	 */
	private record IndexOrder(PagingQueryProvider queries, String leadingColumns) implements PagingQueryProvider {

		private static final String BY_ROW_NO = "ORDER BY ROW_NO ASC";

		@Override
		public void init(DataSource dataSource) throws Exception {
			this.queries.init(dataSource);
		}

		@Override
		public String generateFirstPageQuery(int pageSize) {
			return inIndexOrder(this.queries.generateFirstPageQuery(pageSize));
		}

		@Override
		public String generateRemainingPagesQuery(int pageSize) {
			return inIndexOrder(this.queries.generateRemainingPagesQuery(pageSize));
		}

		private String inIndexOrder(String query) {
			if (!query.contains(BY_ROW_NO)) {
				throw new IllegalStateException("not a query in ROW_NO order: " + query);
			}
			return query.replace(BY_ROW_NO, "ORDER BY " + this.leadingColumns + "ROW_NO ASC");
		}

		@Override
		public int getParameterCount() {
			return this.queries.getParameterCount();
		}

		@Override
		public boolean isUsingNamedParameters() {
			return this.queries.isUsingNamedParameters();
		}

		@Override
		public Map<String, Order> getSortKeys() {
			return this.queries.getSortKeys();
		}

		@Override
		public String getSortKeyPlaceHolder(String keyName) {
			return this.queries.getSortKeyPlaceHolder(keyName);
		}

		@Override
		public Map<String, Order> getSortKeysWithoutAliases() {
			return this.queries.getSortKeysWithoutAliases();
		}

	}

}
