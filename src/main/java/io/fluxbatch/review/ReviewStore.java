package io.fluxbatch.review;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.fluxbatch.library.ImageLibrary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Takes a review's verdicts back: each is kept in FLUX_REVIEW with the image it judged
 * (so status and the next contact sheet show it while that image stands), and a rejected
 * image is withdrawn from the library, so the next run that loads its row generates it
 * again instead of reusing it. A review file is applied once (recognised by its content;
 * each export from the contact sheet carries its time).
 */
public class ReviewStore {

	private static final Logger log = LoggerFactory.getLogger(ReviewStore.class);

	private final JdbcClient jdbc;

	public ReviewStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * What a review changed.
	 *
	 * @param approved images recorded as approved
	 * @param rejected images withdrawn, to be generated again
	 * @param unknown keys that no row of the latest run over the output folder has
	 */
	public record Applied(int approved, int rejected, List<String> unknown) {
	}

	/**
	 * Records the verdicts on the images of the latest run over {@code output}.
	 * @param library the library whose rejected images are withdrawn
	 */
	public Applied apply(Path output, List<Verdict> verdicts, String fileSha256, ImageLibrary library, Instant at) {
		String folder = output.toAbsolutePath().normalize().toString();
		// A job file may name the same review.csv night after night: it counts once, or
		// the images made for its rejections would be rejected in turn.
		Optional<Timestamp> applied = this.jdbc
			.sql("SELECT APPLIED_AT FROM FLUX_REVIEW_FILE WHERE OUTPUT = ? AND SHA256 = ?")
			.params(folder, fileSha256)
			.query(Timestamp.class)
			.optional();
		if (applied.isPresent()) {
			log.info("review: this review file was applied on {}: not applied again",
					applied.get().toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
			return new Applied(0, 0, List.of());
		}
		this.jdbc.sql("INSERT INTO FLUX_REVIEW_FILE (OUTPUT, SHA256, APPLIED_AT) VALUES (?, ?, ?)")
			.params(folder, fileSha256, Timestamp.from(at))
			.update();
		Optional<Long> instance = latestInstance(folder);
		int approved = 0;
		int rejected = 0;
		List<String> unknown = new ArrayList<>();
		for (Verdict verdict : verdicts) {
			Optional<Image> image = instance.flatMap((id) -> image(id, verdict.key()));
			if (image.isEmpty()) {
				unknown.add(verdict.key());
				continue;
			}
			this.jdbc.sql("DELETE FROM FLUX_REVIEW WHERE OUTPUT = ? AND ROW_KEY = ?")
				.params(folder, verdict.key())
				.update();
			this.jdbc.sql("""
					INSERT INTO FLUX_REVIEW (OUTPUT, ROW_KEY, VERDICT, NOTE, FINGERPRINT, SHA256, REVIEWED_AT)
					VALUES (?, ?, ?, ?, ?, ?, ?)""")
				.params(folder, verdict.key(), verdict.word(), verdict.note(), image.get().fingerprint(),
						image.get().sha256(), Timestamp.from(at))
				.update();
			if (verdict.approved()) {
				approved++;
			}
			else {
				rejected++;
				if (image.get().fingerprint() != null && image.get().sha256() != null) {
					library.withdraw(image.get().fingerprint(), image.get().sha256());
				}
			}
		}
		log.info("review: {} approved, {} rejected (generated again by the next run that loads them){}", approved,
				rejected,
				unknown.isEmpty() ? ""
						: "; " + unknown.size() + " keys are in no row of the last run and were ignored: "
								+ String.join(", ", unknown.subList(0, Math.min(5, unknown.size()))));
		return new Applied(approved, rejected, unknown);
	}

	/**
	 * Keys whose verdict no longer holds: their row was generated again after the review
	 * (in any run over the folder), so the image judged is gone, even when the new one
	 * happens to have the same bytes.
	 */
	public Set<String> superseded(String output) {
		return new HashSet<>(this.jdbc.sql("""
				SELECT DISTINCT v.ROW_KEY FROM FLUX_REVIEW v
				JOIN FLUX_ROW g ON g.ROW_KEY = v.ROW_KEY AND g.GENERATED_AT > v.REVIEWED_AT
				WHERE v.OUTPUT = ? AND g.JOB_INSTANCE_ID IN (SELECT e.JOB_INSTANCE_ID FROM BATCH_JOB_EXECUTION e
				  JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID
				  WHERE p.PARAMETER_NAME = 'output' AND p.PARAMETER_VALUE = ?)""")
			.params(output, output)
			.query(String.class)
			.list());
	}

	/**
	 * The verdicts on an output folder's images, as status shows them.
	 *
	 * @param approved approvals of images that still stand
	 * @param rejectedWaiting rejections whose row has not been generated again yet
	 * @param rejectedDone rejections whose row has been generated again since
	 */
	public record Counts(long approved, long rejectedWaiting, long rejectedDone) {
	}

	public Counts counts(String output) {
		Set<String> superseded = superseded(output);
		long[] counts = new long[3];
		this.jdbc.sql("SELECT ROW_KEY, VERDICT FROM FLUX_REVIEW WHERE OUTPUT = ?").param(output).query((rs) -> {
			boolean standing = !superseded.contains(rs.getString(1));
			if (Verdict.APPROVED.equals(rs.getString(2))) {
				counts[0] += standing ? 1 : 0;
			}
			else {
				counts[standing ? 1 : 2]++;
			}
		});
		return new Counts(counts[0], counts[1], counts[2]);
	}

	private Optional<Long> latestInstance(String output) {
		return this.jdbc
			.sql("""
					SELECT MAX(e.JOB_INSTANCE_ID) FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_EXECUTION_PARAMS p
					  ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND p.PARAMETER_NAME = 'output' AND p.PARAMETER_VALUE = ?""")
			.param(output)
			.query(Long.class)
			.optional();
	}

	private Optional<Image> image(long instanceId, String key) {
		return this.jdbc
			.sql("""
					SELECT FINGERPRINT, SHA256 FROM FLUX_ROW WHERE JOB_INSTANCE_ID = ? AND ROW_KEY = ? AND STATUS = 'DOWNLOADED'""")
			.params(instanceId, key)
			.query((rs, n) -> new Image(rs.getString(1), rs.getString(2)))
			.optional();
	}

	private record Image(String fingerprint, String sha256) {
	}

}
