package io.fluxbatch.api;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.http.HttpHeaders;

/**
 * What this process has spent of the account's quota, and what the API last said about
 * the account: the figures the run's summary reports.
 */
public final class ApiUsage {

	private final AtomicLong submits = new AtomicLong();

	private final AtomicLong polls = new AtomicLong();

	private final AtomicLong downloadLinks = new AtomicLong();

	private final AtomicLong rateLimited = new AtomicLong();

	private final AtomicReference<String> quotaRemaining = new AtomicReference<>();

	private final AtomicReference<String> quotaResetsAt = new AtomicReference<>();

	private final AtomicReference<Long> creditsRemaining = new AtomicReference<>();

	void countSubmit() {
		this.submits.incrementAndGet();
	}

	void countPoll() {
		this.polls.incrementAndGet();
	}

	void countDownloadLink() {
		this.downloadLinks.incrementAndGet();
	}

	void observe(int status, HttpHeaders headers) {
		if (status == 429) {
			this.rateLimited.incrementAndGet();
		}
		String remaining = headers.getFirst("X-RateLimit-Remaining");
		if (remaining != null) {
			this.quotaRemaining.set(remaining);
		}
		String reset = headers.getFirst("X-RateLimit-Reset");
		if (reset != null) {
			this.quotaResetsAt.set(reset);
		}
	}

	void observeCredits(Long remaining) {
		if (remaining != null) {
			this.creditsRemaining.set(remaining);
		}
	}

	public long submits() {
		return this.submits.get();
	}

	public long polls() {
		return this.polls.get();
	}

	public long downloadLinks() {
		return this.downloadLinks.get();
	}

	/**
	 * Every request sent to the API, each retry included: what counts against the daily
	 * quota.
	 */
	public long requests() {
		return submits() + polls() + downloadLinks();
	}

	public long rateLimited() {
		return this.rateLimited.get();
	}

	/** {@code X-RateLimit-Remaining} of the last answer, or {@code null}. */
	public String quotaRemaining() {
		return this.quotaRemaining.get();
	}

	public String quotaResetsAt() {
		return this.quotaResetsAt.get();
	}

	/** The balance the API last reported, or {@code null} when it never did. */
	public Long creditsRemaining() {
		return this.creditsRemaining.get();
	}

}
