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

	final AtomicLong lostResponses = new AtomicLong();

	final AtomicLong slowResponses = new AtomicLong();

	final AtomicLong truncatedImages = new AtomicLong();

	final AtomicLong expiredUrls = new AtomicLong();

	final AtomicLong burstRateLimited = new AtomicLong();

	final AtomicLong concurrencyLimited = new AtomicLong();

	SimulatorCounters snapshot(CreditAccount credits) {
		return new SimulatorCounters(this.generateRequests.get(), this.tasksCreated.get(), this.pollRequests.get(),
				this.downloadUrlRequests.get(), this.cdnRequests.get(), this.cdnRequestsWithAuthorization.get(),
				this.rateLimited.get(), this.serverErrors.get(), this.droppedConnections.get(),
				this.generationsFailed.get(), credits.charged(), credits.balance(), this.lostResponses.get(),
				this.slowResponses.get(), this.truncatedImages.get(), this.expiredUrls.get(),
				this.burstRateLimited.get(), this.concurrencyLimited.get());
	}

}
