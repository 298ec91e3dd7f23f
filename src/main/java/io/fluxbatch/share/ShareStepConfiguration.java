package io.fluxbatch.share;

import io.fluxbatch.rows.RowUpdates;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** The share step: rows asking for the same image as an earlier row get that image. */
@Configuration(proxyBeanMethods = false)
class ShareStepConfiguration {

	@Bean
	Step shareImagesStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			RowUpdates rowUpdates) {
		return new StepBuilder("shareImagesStep", jobRepository)
			.tasklet(new SharedImages(new ShareRows(rowUpdates)), transactionManager)
			.allowStartIfComplete(true)
			.build();
	}

}
