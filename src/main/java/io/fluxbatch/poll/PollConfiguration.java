package io.fluxbatch.poll;

import java.time.Clock;

import io.fluxbatch.api.FluxClient;
import io.fluxbatch.rows.RowUpdates;
import io.fluxbatch.run.FluxJobProperties;
import io.fluxbatch.run.RunStop;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The poll stage: a task followed until it ends, each poll when it is due. */
@Configuration(proxyBeanMethods = false)
class PollConfiguration {

	@Bean
	TaskPoller taskPoller(FluxClient fluxClient, RowUpdates rowUpdates, PollSchedule pollSchedule,
			GenerationTimes generationTimes, RunStop runStop, Clock clock, FluxJobProperties properties) {
		return new TaskPoller(fluxClient, new PollRows(rowUpdates), pollSchedule, generationTimes, runStop, clock,
				properties.maxGenerations(), properties.poll().timeout(), properties.poll().concurrency());
	}

	@Bean
	GenerationTimes generationTimes(Clock clock) {
		return new GenerationTimes(clock);
	}

	@Bean
	PollSchedule pollSchedule(GenerationTimes generationTimes, FluxJobProperties properties) {
		return new PollSchedule(generationTimes, properties.poll());
	}

}
