package io.fluxbatch.download;

import io.fluxbatch.api.FluxClient;
import io.fluxbatch.library.ImageLibrary;
import io.fluxbatch.rows.RowUpdates;
import io.fluxbatch.run.RunParameters;
import io.fluxbatch.run.RunStop;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The download stage: a finished task's image stored in the library and the output. */
@Configuration(proxyBeanMethods = false)
class DownloadConfiguration {

	@Bean
	@StepScope
	ImageFetcher imageFetcher(ImageDownloader imageDownloader, RowUpdates rowUpdates, FluxClient fluxClient,
			RunStop runStop, RunParameters run) {
		return new ImageFetcher(imageDownloader, new DownloadRows(rowUpdates), fluxClient, runStop,
				new ImageLibrary(run.library(), run.origin()));
	}

}
