package io.fluxbatch.review;

import java.awt.image.BufferedImage;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import io.fluxbatch.rows.RowStatus;
import net.coobird.thumbnailator.Thumbnails;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes report.html, the run's contact sheet: a thumbnail of every COMPLETED image
 * (small JPEGs under {@code thumbs/}, named by the image's SHA-256 so each is made once),
 * the other rows with their reasons, totals, filters, and approve / reject controls that
 * export review.csv in the page itself. Self-contained: relative links only, no network.
 * <p>
 * Its weight is bounded so a 20,000-row catalog still opens at once: the rows are data in
 * the page (each prompt cut at {@value #PROMPT_CHARACTERS} characters), and only one page
 * of {@value #PAGE_SIZE} rows is ever in the document.
 */
public class ContactSheet {

	public static final String FILE = "report.html";

	public static final String THUMBS = "thumbs";

	static final int PAGE_SIZE = 100;

	static final int PROMPT_CHARACTERS = 1000;

	private static final int THUMB_SIZE = 240;

	private static final Logger log = LoggerFactory.getLogger(ContactSheet.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final Clock clock;

	public ContactSheet(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Writes report.html (and the thumbnails it lacks) for a run.
	 * @param run which run over the output folder
	 * @param commandStart when this command started: images generated since are new
	 * tonight
	 */
	public void write(long instanceId, long run, Path output, Instant commandStart) {
		String[] template = template();
		Path part = output.resolve(FILE + ".part");
		Path thumbs = output.resolve(THUMBS);
		java.util.Set<String> superseded = new ReviewStore(this.jdbc).superseded(output.toString());
		try (BufferedWriter html = Files.newBufferedWriter(part, StandardCharsets.UTF_8)) {
			html.write(template[0]);
			Map<String, Object> meta = new LinkedHashMap<>();
			meta.put("output", output.toString());
			meta.put("run", run);
			meta.put("writtenAt", this.clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
			meta.put("pageSize", PAGE_SIZE);
			html.write(json(meta));
			html.write(template[1]);
			html.write('[');
			boolean[] first = { true };
			this.jdbc.sql("""
					SELECT r.ROW_KEY, r.STATUS, r.MODEL, r.RESOLUTION, r.PROMPT, r.CREDITS, r.FILE_PATH, r.SHA256,
					  r.REUSED_FROM, r.GENERATED_AT, r.REASON, r.ERROR, v.VERDICT, v.NOTE, v.SHA256, v.REVIEWED_AT
					FROM FLUX_ROW r LEFT JOIN FLUX_REVIEW v ON v.OUTPUT = ? AND v.ROW_KEY = r.ROW_KEY
					WHERE r.JOB_INSTANCE_ID = ? ORDER BY r.ROW_NO""")
				.params(output.toString(), instanceId)
				.withFetchSize(500)
				.query((rs) -> {
					String status = rs.getString(2);
					String sha256 = rs.getString(8);
					Timestamp generatedAt = rs.getTimestamp(10);
					boolean reused = rs.getString(9) != null;
					Map<String, Object> row = new LinkedHashMap<>();
					row.put("k", rs.getString(1));
					row.put("s", RowStatus.valueOf(status).resultStatus());
					row.put("m", rs.getString(3));
					row.put("r", rs.getString(4));
					row.put("p", shortened(rs.getString(5)));
					row.put("c", (generatedAt != null) ? rs.getLong(6) : 0);
					row.put("u", reused);
					row.put("n", !reused && generatedAt != null && !generatedAt.toInstant().isBefore(commandStart));
					// The image's identity, for verdicts kept in the browser.
					row.put("g", sha256 + "@" + ((generatedAt != null) ? generatedAt.getTime() : "library"));
					if (RowStatus.DOWNLOADED.name().equals(status)) {
						String file = rs.getString(7);
						row.put("i", file);
						row.put("t", THUMBS + "/" + thumbnail(output.resolve(file), thumbs, sha256));
					}
					else {
						row.put("e", (RowStatus.REJECTED.name().equals(status)) ? rs.getString(11) : rs.getString(12));
					}
					String verdict = rs.getString(13);
					// A verdict holds while the image it judged stands: not once it has
					// been generated again (even into the same bytes).
					boolean standing = verdict != null && sha256 != null && sha256.equals(rs.getString(15))
							&& !superseded.contains(rs.getString(1));
					if (standing) {
						row.put("v", verdict);
						row.put("vn", rs.getString(14));
					}
					else if (Verdict.REJECTED.equals(verdict)) {
						row.put("rg", true);
					}
					try {
						if (!first[0]) {
							html.write(',');
						}
						first[0] = false;
						html.write(json(row));
						html.write('\n');
					}
					catch (IOException failure) {
						throw new UncheckedIOException(failure);
					}
				});
			html.write(']');
			html.write(template[2]);
		}
		catch (IOException failure) {
			throw new UncheckedIOException(failure);
		}
		try {
			Files.move(part, output.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException failure) {
			throw new UncheckedIOException(failure);
		}
	}

	/**
	 * A small JPEG of the image, made once per image content.
	 * @return its name under thumbs/
	 */
	private static String thumbnail(Path image, Path thumbs, String sha256) {
		String name = sha256 + ".jpg";
		Path thumb = thumbs.resolve(name);
		if (Files.isRegularFile(thumb)) {
			return name;
		}
		try {
			Files.createDirectories(thumbs);
			Path part = thumbs.resolve("." + name + ".part");
			try (OutputStream out = Files.newOutputStream(part)) {
				Thumbnails.of(image.toFile())
					.size(THUMB_SIZE, THUMB_SIZE)
					.imageType(BufferedImage.TYPE_INT_RGB)
					.outputFormat("jpg")
					.outputQuality(0.8)
					.toOutputStream(out);
			}
			Files.move(part, thumb, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException | RuntimeException unreadable) {
			// The sheet still links the full image; a missing thumbnail shows as broken.
			log.warn("no thumbnail of {}: {}", image, unreadable.getMessage());
		}
		return name;
	}

	private static String shortened(String prompt) {
		if (prompt == null) {
			return "";
		}
		return (prompt.length() > PROMPT_CHARACTERS) ? prompt.substring(0, PROMPT_CHARACTERS - 1) + "…" : prompt;
	}

	/** JSON that cannot end the script element it sits in. */
	private static String json(Object value) {
		return JSON.writeValueAsString(value)
			.replace("<", "\\u003c")
			.replace("\u2028", "\\u2028")
			.replace("\u2029", "\\u2029");
	}

	/** The page around its two data blocks. */
	private static String[] template() {
		try (InputStream in = ContactSheet.class.getResourceAsStream("contact-sheet.html")) {
			String page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			int meta = page.indexOf("/*META*/");
			int rows = page.indexOf("/*ROWS*/");
			return new String[] { page.substring(0, meta), page.substring(meta + 8, rows), page.substring(rows + 8) };
		}
		catch (IOException failure) {
			throw new UncheckedIOException(failure);
		}
	}

}
