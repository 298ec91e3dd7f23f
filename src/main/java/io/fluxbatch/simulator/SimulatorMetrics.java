package io.fluxbatch.simulator;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Live, thread-safe counts behind {@link SimulatorCounters}.
 */
final class SimulatorMetrics {

	final AtomicLong generateRequests = new AtomicLong();

	final AtomicLong tasksCreated = new AtomicLong();

	final AtomicLong pollRequests = new AtomicLong();

	final AtomicLong downloadUrlRequests = new AtomicLong();

	final AtomicLong cdnRequests = new AtomicLong();

	final AtomicLong cdnRequestsWithAuthorization = new AtomicLong();

	final AtomicLong rateLimited = new AtomicLong();

	final AtomicLong serverErrors = new AtomicLong();

	final AtomicLong droppedConnections = new AtomicLong();

	final AtomicLong generationsFailed = new AtomicLong();

	SimulatorCounters snapshot(CreditAccount credits) {
		return new SimulatorCounters(this.generateRequests.get(), this.tasksCreated.get(), this.pollRequests.get(),
				this.downloadUrlRequests.get(), this.cdnRequests.get(), this.cdnRequestsWithAuthorization.get(),
				this.rateLimited.get(), this.serverErrors.get(), this.droppedConnections.get(),
				this.generationsFailed.get(), credits.charged(), credits.balance());
	}

}
