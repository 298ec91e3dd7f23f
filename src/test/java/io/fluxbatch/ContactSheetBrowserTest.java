package io.fluxbatch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.fluxbatch.simulator.FluxSimulator;
import io.fluxbatch.simulator.SimulatorSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contact sheet as a reviewer uses it, in a real headless Chromium: every thumbnail
 * loads, the counts are results.csv's, the status filter works, and two rejections
 * exported as review.csv become exactly two regenerations in the next run.
 */
@FullLane
class ContactSheetBrowserTest {

	private static final Map<String, String> ENVIRONMENT = Map.of("VICSEE_API_KEY", "sk-test-key");

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	@TempDir
	Path dir;

	private FluxSimulator simulator;

	private ChromeDriver browser;

	@BeforeEach
	void start() throws IOException {
		this.simulator = FluxSimulator
			.start(SimulatorSettings.defaults().withLatency(Duration.ofMillis(50), Duration.ofMillis(50)));
		Files.createDirectories(downloads());
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
				"--user-data-dir=" + Files.createDirectories(this.dir.resolve("chromium-profile")));
		Map<String, Object> preferences = new HashMap<>();
		preferences.put("download.default_directory", downloads().toString());
		preferences.put("download.prompt_for_download", false);
		options.setExperimentalOption("prefs", preferences);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		this.browser = new ChromeDriver(service, options);
		this.browser.manage().window().setSize(new Dimension(1280, 900));
	}

	@AfterEach
	void stop() {
		if (this.browser != null) {
			this.browser.quit();
		}
		this.simulator.close();
	}

	@Test
	void aReviewerSeesEveryImageFiltersByStatusAndTwoRejectionsBecomeTwoRegenerations() throws Exception {
		Path input = Files.writeString(this.dir.resolve("catalog.csv"), """
				sku,prompt,model
				P-1,A red mug on a plain background,
				P-2,A blue teapot on a plain background,
				P-3,A green vase on a plain background,
				P-4,A yellow lamp on a plain background,
				P-5,A white chair on a plain background,
				P-6,A wooden table on a plain background,
				P-7,A steel kettle on a plain background,no-such-model
				""");
		CommandRun night = run(input);
		assertThat(night.exitCode()).as(night.err()).isZero();
		List<Map<String, String>> results = CsvRows.read(output().resolve("results.csv"));
		Map<String, Long> byStatus = results.stream()
			.collect(Collectors.groupingBy((row) -> row.get("status"), Collectors.counting()));
		assertThat(byStatus).containsEntry("COMPLETED", 6L).containsEntry("REJECTED", 1L);

		this.browser.get(output().resolve("report.html").toUri().toString());

		List<WebElement> thumbnails = this.browser.findElements(By.cssSelector(".card img.thumb"));
		assertThat(thumbnails).hasSize(6);
		new WebDriverWait(this.browser, Duration.ofSeconds(30)).until(
				(page) -> thumbnails.stream().allMatch((image) -> (Boolean) js("return arguments[0].complete", image)));
		assertThat(thumbnails).allSatisfy((image) -> {
			assertThat(((Number) js("return arguments[0].naturalWidth", image)).intValue()).isPositive();
			assertThat(image.getAttribute("src")).contains("/thumbs/").endsWith(".jpg");
		});
		assertThat(count("rows")).isEqualTo(results.size());
		for (String status : List.of("COMPLETED", "FAILED", "REJECTED", "PENDING")) {
			assertThat(count(status)).as(status).isEqualTo(byStatus.getOrDefault(status, 0L));
		}
		assertThat(count("credits")).isEqualTo(results.stream()
			.mapToLong((row) -> Long.parseLong(row.get("credits").isEmpty() ? "0" : row.get("credits")))
			.sum());
		assertThat(count("new")).isEqualTo(6);

		new Select(this.browser.findElement(By.id("status-filter"))).selectByValue("REJECTED");
		assertThat(this.browser.findElements(By.cssSelector(".card"))).isEmpty();
		assertThat(this.browser.findElements(By.cssSelector("#others tbody tr"))).singleElement()
			.satisfies((row) -> assertThat(row.getText()).contains("P-7").contains("no-such-model"));
		new Select(this.browser.findElement(By.id("status-filter"))).selectByValue("COMPLETED");
		assertThat(this.browser.findElements(By.cssSelector(".card"))).hasSize(6);
		assertThat(this.browser.findElements(By.cssSelector("#others tbody tr"))).isEmpty();

		card("P-2").findElement(By.cssSelector("button.reject")).click();
		card("P-5").findElement(By.cssSelector("input.note")).sendKeys("handle is cut off");
		card("P-5").findElement(By.cssSelector("button.reject")).click();
		card("P-1").findElement(By.cssSelector("button.approve")).click();
		assertThat(count("rejected")).isEqualTo(2);
		screenshot();
		this.browser.findElement(By.id("export")).click();
		Path review = downloads().resolve("review.csv");
		new WebDriverWait(this.browser, Duration.ofSeconds(30)).until((page) -> Files.isRegularFile(review));

		List<Map<String, String>> verdicts = CsvRows.read(review);
		assertThat(verdicts).extracting((row) -> row.get("key") + " " + row.get("verdict") + " " + row.get("note"))
			.containsExactly("P-1 approve ", "P-2 reject ", "P-5 reject handle is cut off");
		int generated = this.simulator.generations().size();

		CommandRun nextNight = run(input, "--review", review.toString());

		assertThat(nextNight.exitCode()).as(nextNight.err()).isZero();
		assertThat(this.simulator.generations()).hasSize(generated + 2);
		assertThat(this.simulator.generations().subList(generated, generated + 2))
			.extracting((generation) -> generation.prompt())
			.containsExactlyInAnyOrder("A blue teapot on a plain background", "A white chair on a plain background");
		List<Map<String, String>> after = CsvRows.read(output().resolve("results.csv"));
		assertThat(after).filteredOn((row) -> row.get("reused_from").isEmpty() && "COMPLETED".equals(row.get("status")))
			.extracting((row) -> row.get("sku"))
			.containsExactlyInAnyOrder("P-2", "P-5");
		CommandRun again = run(input, "--review", review.toString());
		assertThat(again.exitCode()).as(again.err()).isZero();
		assertThat(this.simulator.generations()).as("a review file counts once").hasSize(generated + 2);
		CommandRun status = CommandRun.of(Map.of(), "status", "--output", output().toString());
		assertThat(status.out()).contains(
				"reviews: 1 approved, 0 rejected to be generated again, " + "2 rejected and since generated again");

		this.browser.get(output().resolve("report.html").toUri().toString());
		js("localStorage.clear()");
		this.browser.navigate().refresh();
		assertThat(count("approved")).isEqualTo(1);
		assertThat(card("P-1").getAttribute("class")).contains("approved");
		assertThat(card("P-2").getText()).contains("regenerated after rejection");
	}

	@Test
	void aTwentyThousandRowSheetShowsOnePageAndItsTotals() throws Exception {
		StringBuilder csv = new StringBuilder("sku,prompt,model\n");
		for (int i = 1; i <= 20_000; i++) {
			// Rejected rows cost nothing and need no image: the page's weight is its
			// data.
			csv.append("SKU-")
				.append(i)
				.append(",A studio photo of product number ")
				.append(i)
				.append(" in soft light on a plain white background,no-such-model\n");
		}
		Path input = Files.writeString(this.dir.resolve("big.csv"), csv);
		CommandRun run = run(input);
		assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.USAGE);
		Path sheet = output().resolve("report.html");

		this.browser.get(sheet.toUri().toString());

		assertThat(count("rows")).isEqualTo(20_000);
		assertThat(count("REJECTED")).isEqualTo(20_000);
		assertThat(this.browser.findElements(By.cssSelector("#others tbody tr"))).hasSize(100);
		assertThat(this.browser.findElement(By.id("page")).getText()).contains("page 1 of 200");
		assertThat(Files.size(sheet)).as("about 250 bytes a row here").isLessThan(20_000L * 400);
	}

	private long count(String name) {
		return Long.parseLong(this.browser.findElement(By.id("count-" + name)).getText());
	}

	private WebElement card(String key) {
		return this.browser.findElement(By.cssSelector(".card[data-key='" + key + "']"));
	}

	private Object js(String script, Object... arguments) {
		return ((JavascriptExecutor) this.browser).executeScript(script, arguments);
	}

	/** The README's picture of the sheet, as the test saw it. */
	private void screenshot() throws IOException {
		Path shot = this.browser.getScreenshotAs(OutputType.FILE).toPath();
		Path target = Files.createDirectories(Path.of("target")).resolve("report.png");
		Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
	}

	private CommandRun run(Path input, String... more) throws IOException {
		Path job = Files.writeString(this.dir.resolve("job.yml"), """
				flux:
				  api:
				    requests-per-second: 500
				  job:
				    poll:
				      first-poll-after: 0ms
				""");
		List<String> arguments = new java.util.ArrayList<>(List.of("run", "--job", job.toString(), "--input",
				input.toString(), "--output", output().toString(), "--base-url", this.simulator.baseUrl()));
		arguments.addAll(List.of(more));
		return CommandRun.of(ENVIRONMENT, arguments.toArray(String[]::new));
	}

	private Path output() {
		return this.dir.resolve("out");
	}

	private Path downloads() {
		return this.dir.resolve("downloads");
	}

}
