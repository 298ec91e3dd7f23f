package io.fluxbatch.submit;

import java.time.Clock;

import io.fluxbatch.api.FluxClient;
import io.fluxbatch.poll.PollSchedule;
import io.fluxbatch.rows.RowUpdates;
import io.fluxbatch.run.CreditBudget;
import io.fluxbatch.run.RunStop;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The submit stage: the paid POST, committed around itself. */
@Configuration(proxyBeanMethods = false)
class SubmitConfiguration {

	@Bean
	TaskSubmitter taskSubmitter(FluxClient fluxClient, RowUpdates rowUpdates, PollSchedule pollSchedule,
			RunStop runStop, Clock clock, CreditBudget creditBudget, TasksInFlight tasksInFlight) {
		return new TaskSubmitter(fluxClient, new SubmitRows(rowUpdates), pollSchedule, runStop, clock, creditBudget,
				tasksInFlight);
	}

	@Bean
	TasksInFlight tasksInFlight() {
		return new TasksInFlight();
	}

}
