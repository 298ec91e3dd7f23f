package io.fluxbatch;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * A catalog as its team keeps it: a Shopify export through a prompt template, an .xlsx
 * workbook read directly, several images of a row, file names by template.
 */
@FullLane
class CatalogInputTest {

	private static final Path SHOPIFY = Path.of("samples/shopify-products.csv");

	@TempDir
	Path dir;

	private CatalogNights nights;

	@BeforeEach
	void startSimulator() {
		this.nights = new CatalogNights(this.dir);
	}

	@AfterEach
	void stopSimulator() {
		this.nights.close();
	}

	@Test
	void aShopifyExportBecomesPromptsThroughATemplateWithItsHtmlReducedAndItsImageRowsSkipped() throws IOException {
		this.nights.completed(SHOPIFY, "out", "--key-column", "Variant SKU", "--prompt-template",
				"Product photo of {Title} in {Option1 Value}, {Type}: {Body (HTML)}");

		assertThat(this.nights.prompts("out")).containsExactly(entry("NW-SHIRT-SND",
				"Product photo of Linen Shirt in Sand, Shirts: Relaxed shirt in washed linen. 100% European flax"
						+ " Mother-of-pearl buttons"),
				entry("NW-MUG-WHT",
						"Product photo of Ceramic Mug in White, Mugs: Stoneware mug, glazed by hand & fired"
								+ " twice."),
				entry("NW-THROW-CHR",
						"Product photo of Merino Wool Throw in Charcoal, Blankets: A soft merino throw, 130 × 170 cm."),
				entry("NW-BOARD-OAK",
						"Product photo of Oak Cutting Board in Natural, Kitchen: Solid oak, oiled. Made in Portugal."),
				entry("NW-TOTE-NVY",
						"Product photo of Canvas Tote Bag in Navy, Bags: Heavy cotton canvas, \"everyday\" size."),
				entry("NW-CANDLE-BRS",
						"Product photo of Brass Candle Holder in Brass, Home Decor: Solid brass, for dinner candles."),
				entry("NW-WALLET-CGN", "Product photo of Leather Wallet in Cognac, Accessories: Vegetable-tanned"
						+ " leather – six card slots."));
		assertThat(this.nights.generations()).isEqualTo(7);
		// 18 data rows: 7 products, 2 variant rows without a title, 9 image-only rows.
		assertThat(this.nights.results("out")).hasSize(9);
		assertThat(this.nights.rejects("out")).extracting((row) -> row.get("line") + " " + row.get("Variant SKU"))
			.containsExactly("7 NW-SHIRT-OLV", "13 NW-THROW-OAT");
		assertThat(this.nights.rejects("out").get(0).get("reason")).startsWith("empty {Title}, {Type}, {Body (HTML)}");
	}

	@Test
	void validateShowsTheShopifySampleJobsMappingAndCounts() {
		CommandRun run = CommandRun.of(Map.of(), "validate", "--job", "jobs/shopify-catalog.yml");

		assertThat(run.exitCode()).as(run.err()).isEqualTo(ValidateCommand.ROWS_REJECTED);
		assertThat(run.out().lines()).startsWith(
				"samples/shopify-products.csv: 18 rows (UTF-8 (detected), comma delimited): 14 images valid,"
						+ " 2 rejected, 9 skipped (every cell the prompt template uses is empty)",
				"  prompt       <- template \"Product photo of {Title} in {Option1 Value}, {Type}, on a white"
						+ " seamless background\"",
				"  id           <- column 'Variant SKU'", "  file name    <- template \"{Handle}-{Option1 Value}\"",
				"  images       <- 2 per row (--images-per-row)");
		assertThat(run.out()).contains("  warning: column 'Image Src' is not used but looks like input_urls");
	}

	@Test
	void aTemplateFieldNoColumnHasIsAUsageErrorNamingIt() {
		CommandRun run = CommandRun.of(Map.of(), "validate", "--input", SHOPIFY.toString(), "--prompt-template",
				"Photo of {Title} in {Colour}");

		assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
		assertThat(run.err()).startsWith("flux-batch: --prompt-template names {Colour}, but no column is called"
				+ " 'Colour' (columns: Handle, Title,");
	}

	@Test
	void tooManyImagesPerRowInAJobFileIsAUsageError() throws IOException {
		Path job = Files.writeString(this.dir.resolve("job.yml"), "flux.job.catalog.images-per-row: 11\n");

		CommandRun run = CommandRun.of(Map.of(), "validate", "--input", SHOPIFY.toString(), "--job", job.toString());

		assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
		assertThat(run.err()).contains("images-per-row").contains("11");
	}

	@Test
	void anXlsxWorkbookIsReadAsTheSpreadsheetShowsIt() throws IOException {
		Path workbook = this.dir.resolve("catalog.xlsx");
		try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(workbook)) {
			book.createSheet("Notes").createRow(0).createCell(0).setCellValue("not this sheet");
			Sheet sheet = book.createSheet("Products");
			CellStyle fiveDigits = book.createCellStyle();
			fiveDigits.setDataFormat(book.createDataFormat().getFormat("00000"));
			CellStyle isoDate = book.createCellStyle();
			isoDate.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd"));
			CellStyle price = book.createCellStyle();
			price.setDataFormat(book.createDataFormat().getFormat("0.00"));
			row(sheet, 0, "SKU", "Product", "Launch", "Price");
			Row chair = row(sheet, 1, "00123", "A red chair");
			date(chair, 2, isoDate);
			chair.createCell(3).setCellFormula("12.5*2");
			chair.getCell(3).setCellStyle(price);
			Row lamp = row(sheet, 2, null, "A blue lamp");
			lamp.createCell(0).setCellValue(42);
			lamp.getCell(0).setCellStyle(fiveDigits);
			date(lamp, 2, isoDate);
			lamp.createCell(3).setCellValue(9);
			lamp.getCell(3).setCellStyle(price);
			Row broken = row(sheet, 4, "00777");
			broken.createCell(1).setCellErrorValue(FormulaError.NA.getCode());
			Row sofa = row(sheet, 5, "00888", "A green sofa\nin a bright room", "soon", "none");
			book.getCreationHelper().createFormulaEvaluator().evaluateAll();
			book.write(out);
			assertThat(sofa.getRowNum()).isEqualTo(5);
		}

		this.nights.completed(workbook, "out", "--sheet", "Products", "--prompt-template",
				"{Product}, on sale from {Launch} for {Price}");

		assertThat(this.nights.prompts("out")).containsExactly(
				entry("00123", "A red chair, on sale from 2026-03-01 for 25.00"),
				entry("00042", "A blue lamp, on sale from 2026-03-01 for 9.00"),
				entry("00888", "A green sofa\nin a bright room, on sale from soon for none"));
		assertThat(this.nights.rejects("out")).extracting((row) -> row.get("line") + " " + row.get("reason"))
			.containsExactly("5 column 'Product' holds the spreadsheet error #N/A: fix the formula or the value it"
					+ " uses, and export again");
	}

	@Test
	void eachRowGetsItsVariantsOnceAndASecondNightReusesThemAll() throws IOException {
		Path input = Files.writeString(this.dir.resolve("catalog.csv"),
				"sku,prompt\nLAMP,A brass lamp on a desk\nVASE,A blue vase\n", StandardCharsets.UTF_8);

		this.nights.completed(input, "night1", "--images-per-row", "3");
		this.nights.completed(input, "night2", "--images-per-row", "3");

		assertThat(this.nights.generations()).isEqualTo(6);
		assertThat(this.nights.results("night1"))
			.extracting(
					(row) -> row.get("row") + " " + row.get("key") + " " + row.get("file") + " " + row.get("status"))
			.containsExactly("1 LAMP-1 images/LAMP-1.png COMPLETED", "1 LAMP-2 images/LAMP-2.png COMPLETED",
					"1 LAMP-3 images/LAMP-3.png COMPLETED", "2 VASE-1 images/VASE-1.png COMPLETED",
					"2 VASE-2 images/VASE-2.png COMPLETED", "2 VASE-3 images/VASE-3.png COMPLETED");
		// The API takes no seed: each request is a generation of its own (the simulator's
		// placeholder images repeat the prompt, the real ones differ).
		assertThat(this.nights.results("night1")).extracting((row) -> row.get("task_id")).doesNotHaveDuplicates();
		assertThat(this.nights.results("night2")).allSatisfy((row) -> {
			assertThat(row.get("status")).isEqualTo("COMPLETED");
			assertThat(row.get("reused_from")).isNotEmpty();
			assertThat(row.get("credits")).isEqualTo("0");
		});
	}

	@Test
	void fileNamesByTemplateAreMadeSafeAndAClashIsRejectedNamingTheFirstRow() throws IOException {
		Path input = Files.writeString(this.dir.resolve("catalog.csv"), """
				Handle,Color,Prompt
				tee,Red,A red T-shirt on a hanger
				tee,red,A red T-shirt folded
				mug/tea,Blue,A blue tea mug
				tee,Red & Blue,A striped T-shirt
				""", StandardCharsets.UTF_8);

		this.nights.completed(input, "out", "--file-name", "{Handle}-{Color}");

		assertThat(this.nights.results("out"))
			.extracting((row) -> row.get("key") + " " + row.get("status") + " " + row.get("file") + row.get("error"))
			.containsExactly("1 COMPLETED images/tee-Red.png",
					"2 REJECTED file name 'tee-red' is already used by row 1", "3 COMPLETED images/mug_tea-Blue.png",
					"4 COMPLETED images/tee-Red_Blue.png");
	}

	private static Row row(Sheet sheet, int index, String... cells) {
		Row row = sheet.createRow(index);
		for (int i = 0; i < cells.length; i++) {
			if (cells[i] != null) {
				row.createCell(i).setCellValue(cells[i]);
			}
		}
		return row;
	}

	private static void date(Row row, int column, CellStyle style) {
		Cell cell = row.createCell(column);
		cell.setCellValue(LocalDate.of(2026, 3, 1));
		cell.setCellStyle(style);
	}

}
