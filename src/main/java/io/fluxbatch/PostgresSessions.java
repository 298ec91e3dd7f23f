package io.fluxbatch;

import com.zaxxer.hikari.HikariDataSource;
import io.fluxbatch.rows.DurableCommits;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Every connection to a PostgreSQL job database commits synchronously, whatever the
 * server's or the database's default: a commit then returns only once it is on the disk.
 */
@Component
class PostgresSessions implements BeanPostProcessor {

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
				&& pool.getJdbcUrl().startsWith("jdbc:postgresql:")) {
			pool.setConnectionInitSql(DurableCommits.POSTGRESQL_SESSION);
		}
		return bean;
	}

}
