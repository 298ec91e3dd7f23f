package io.fluxbatch.review;

import java.util.Locale;
import java.util.Optional;

/**
 * A reviewer's word on one row's image, from review.csv.
 *
 * @param key the row's key
 * @param approved whether the image may go live; a rejected one is generated again
 * @param note what the reviewer wrote, possibly empty
 */
public record Verdict(String key, boolean approved, String note) {

	public static final String APPROVED = "APPROVED";

	public static final String REJECTED = "REJECTED";

	/** As stored and shown. */
	public String word() {
		return this.approved ? APPROVED : REJECTED;
	}

	/** {@code approve}, {@code approved}, {@code reject}, {@code rejected}, any case. */
	static Optional<Boolean> approvedOf(String word) {
		return switch (word.strip().toLowerCase(Locale.ROOT)) {
			case "approve", "approved", "ok", "yes" -> Optional.of(true);
			case "reject", "rejected", "no" -> Optional.of(false);
			default -> Optional.empty();
		};
	}

}
