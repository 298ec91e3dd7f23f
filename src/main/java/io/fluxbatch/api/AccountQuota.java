package io.fluxbatch.api;

/**
 * The account's daily request quota, shared by every run that uses the account: each
 * request takes one before it is sent, and each answer says what the API counts. A run
 * alone knows only what it sent; runs sharing a job database keep it there.
 */
public interface AccountQuota {

	/** A run on its own: it learns of the quota from the API's 429. */
	AccountQuota UNSHARED = new AccountQuota() {

		@Override
		public boolean take() {
			return true;
		}

		@Override
		public void reported(long remaining, String resetsAt) {
		}

		@Override
		public String resetsAt() {
			return null;
		}

	};

	/**
	 * Takes one request of the quota.
	 * @return false when the runs sharing the account have used it up until its reset
	 */
	boolean take();

	/**
	 * What an answer said the quota has left ({@code X-RateLimit-Remaining}) and when it
	 * resets ({@code X-RateLimit-Reset}, or {@code null}).
	 */
	void reported(long remaining, String resetsAt);

	/** When the quota resets, as the API last said, or {@code null}. */
	String resetsAt();

}
