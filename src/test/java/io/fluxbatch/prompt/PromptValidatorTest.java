package io.fluxbatch.prompt;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.fluxbatch.csv.CsvRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PromptValidatorTest {

	private static final PromptDefaults DEFAULTS = new PromptDefaults("pro", "1K", "1:1");

	private static final String CAT = "https://images.test/cat.png";

	private static final String DOG = "https://images.test/dog.png";

	@Test
	void aCompleteRowBecomesAPrompt() {
		ValidatedRow row = validate("id", "sku-7", "prompt", "a cat", "model", "flex", "resolution", "2k",
				"aspect_ratio", "16:9", "input_urls", CAT);

		assertThat(row.rejected()).isFalse();
		assertThat(row.rejectReason()).isNull();
		assertThat(row.key()).isEqualTo("sku-7");
		assertThat(row.prompt()).isEqualTo(
				new Prompt("sku-7", "sku-7", Model.FLEX_IMAGE_TO_IMAGE, "a cat", Resolution.R2K, "16:9", List.of(CAT)));
		assertThat(row.prompt().credits()).isEqualTo(75);
	}

	@ParameterizedTest
	@CsvSource({ "yes, true", "YES, true", "x, true", "1, true", "True, true", "'', false", "no, false", "0, false" })
	void theRegenerateColumnSaysYesOrNo(String cell, boolean regenerate) {
		ValidatedRow row = validate("prompt", "a cat", "regenerate", cell);

		assertThat(row.prompt().regenerate()).isEqualTo(regenerate);
	}

	@Test
	void aRegenerateCellThatIsNeitherYesNorNoRejectsTheRow() {
		ValidatedRow row = validate("prompt", "a cat", "Regenerate", "maybe");

		assertThat(row.rejectReason()).contains("regenerate \"maybe\"").contains("yes");
	}

	@Test
	void blankCellsTakeTheJobDefaults() {
		Prompt prompt = validateWith(new PromptDefaults("flex", "2K", "4:3"), "prompt", "a cat", "model", " ",
				"resolution", "", "aspect_ratio", "")
			.prompt();

		assertThat(prompt.model()).isEqualTo(Model.FLEX_TEXT_TO_IMAGE);
		assertThat(prompt.resolution()).isEqualTo(Resolution.R2K);
		assertThat(prompt.aspectRatio()).isEqualTo("4:3");
	}

	@Test
	void withoutResolutionOrAspectRatioAnywhereTheApiDefaultsApply() {
		Prompt prompt = validateWith(new PromptDefaults("pro", null, ""), "prompt", "a cat").prompt();

		assertThat(prompt.resolution()).isEqualTo(Resolution.R1K);
		assertThat(prompt.aspectRatio()).isEqualTo("1:1");
	}

	// prompt

	@Test
	void thePromptIsTrimmed() {
		assertThat(validate("prompt", " \t a cat\r\n ").prompt().text()).isEqualTo("a cat");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", "\n\t" })
	void aBlankPromptIsRejected(String text) {
		assertThat(reasonFor("prompt", text)).isEqualTo("prompt is empty");
	}

	@Test
	void aPromptOfFewerThanThreeCharactersIsRejected() {
		assertThat(reasonFor("prompt", " ab ")).isEqualTo("prompt \"ab\" is too short: 2 characters, at least 3");
	}

	@Test
	void promptLengthCountsCharactersNotUtf16Units() {
		assertThat(validate("prompt", "🐱🐶🐭").rejected()).isFalse();
		assertThat(validate("prompt", "🐱".repeat(5000)).rejected()).isFalse();
		assertThat(reasonFor("prompt", "🐱🐶")).isEqualTo("prompt \"🐱🐶\" is too short: 2 characters, at least 3");
	}

	@Test
	void aPromptOfMoreThanFiveThousandCharactersIsRejected() {
		assertThat(validate("prompt", "a".repeat(5000)).rejected()).isFalse();
		assertThat(reasonFor("prompt", "a".repeat(5001)))
			.isEqualTo("prompt is too long: 5001 characters, at most 5000");
	}

	// model

	@ParameterizedTest
	@CsvSource({ "flux-2/pro-text-to-image, PRO_TEXT_TO_IMAGE", "flux-2/flex-text-to-image, FLEX_TEXT_TO_IMAGE",
			"flux-2-pro-text-to-image, PRO_TEXT_TO_IMAGE", "FLUX-2-FLEX-TEXT-TO-IMAGE, FLEX_TEXT_TO_IMAGE" })
	void fullTextToImageNamesAreAccepted(String name, Model model) {
		assertThat(validate("prompt", "a cat", "model", name).prompt().model()).isEqualTo(model);
	}

	@ParameterizedTest
	@CsvSource({ "flux-2/pro-image-to-image, PRO_IMAGE_TO_IMAGE", "flux-2/flex-image-to-image, FLEX_IMAGE_TO_IMAGE",
			"flux-2-pro-image-to-image, PRO_IMAGE_TO_IMAGE", "flux-2-flex-image-to-image, FLEX_IMAGE_TO_IMAGE" })
	void fullImageToImageNamesAreAcceptedWithInputUrls(String name, Model model) {
		assertThat(validate("prompt", "a cat", "model", name, "input_urls", CAT).prompt().model()).isEqualTo(model);
	}

	@ParameterizedTest
	@CsvSource({ "pro, PRO_TEXT_TO_IMAGE", "PRO, PRO_TEXT_TO_IMAGE", "FLUX.2 Pro, PRO_TEXT_TO_IMAGE",
			"flux-2-pro, PRO_TEXT_TO_IMAGE", "flux-2/pro, PRO_TEXT_TO_IMAGE", "FLUX.2 [pro], PRO_TEXT_TO_IMAGE",
			"flex, FLEX_TEXT_TO_IMAGE", "Flex, FLEX_TEXT_TO_IMAGE", "FLUX.2 Flex, FLEX_TEXT_TO_IMAGE",
			"flux-2/flex, FLEX_TEXT_TO_IMAGE" })
	void shorthandPicksTextToImageWithoutInputUrls(String name, Model model) {
		assertThat(validate("prompt", "a cat", "model", name).prompt().model()).isEqualTo(model);
	}

	@ParameterizedTest
	@CsvSource({ "pro, PRO_IMAGE_TO_IMAGE", "FLUX.2 Pro, PRO_IMAGE_TO_IMAGE", "flex, FLEX_IMAGE_TO_IMAGE",
			"flux-2-flex, FLEX_IMAGE_TO_IMAGE" })
	void shorthandPicksImageToImageWithInputUrls(String name, Model model) {
		assertThat(validate("prompt", "a cat", "model", name, "input_urls", CAT).prompt().model()).isEqualTo(model);
	}

	@Test
	void aTextToImageModelWithInputUrlsIsRejected() {
		assertThat(reasonFor("prompt", "a cat", "model", "flux-2/pro-text-to-image", "input_urls", CAT))
			.isEqualTo("model \"flux-2/pro-text-to-image\" is text-to-image but the row has input URLs;"
					+ " use flux-2/pro-image-to-image or pro, or remove the input URLs");
	}

	@Test
	void anImageToImageModelWithoutInputUrlsIsRejected() {
		assertThat(reasonFor("prompt", "a cat", "model", "flux-2/flex-image-to-image"))
			.isEqualTo("model \"flux-2/flex-image-to-image\" needs input URLs but the row has none;"
					+ " add them, or use flux-2/flex-text-to-image or flex");
	}

	@Test
	void anUnknownModelIsRejectedListingTheAcceptedOnes() {
		assertThat(reasonFor("prompt", "a cat", "model", "flux-1-dev")).isEqualTo("model \"flux-1-dev\" is unknown;"
				+ " use pro, flex, flux-2/pro-text-to-image, flux-2/flex-text-to-image, flux-2/pro-image-to-image"
				+ " or flux-2/flex-image-to-image");
	}

	@Test
	void aBadDefaultModelIsRejectedOnEveryRowUsingItAndSaysItIsTheDefault() {
		PromptDefaults defaults = new PromptDefaults("ultra", "1K", "1:1");

		assertThat(reasonWith(defaults, "prompt", "a cat")).startsWith("model \"ultra\" (the job default) is unknown;");
		assertThat(validateWith(defaults, "prompt", "a cat", "model", "pro").rejected()).isFalse();
	}

	@Test
	void aRowWithoutModelIsRejectedWhenNoDefaultIsConfigured() {
		assertThat(reasonWith(new PromptDefaults("", "1K", "1:1"), "prompt", "a cat"))
			.startsWith("model is empty and no default model is configured; use pro, flex,");
	}

	// resolution

	@ParameterizedTest
	@CsvSource({ "1K, R1K", "1k, R1K", " 2K , R2K", "2k, R2K" })
	void resolutionIsOneKOrTwoKInAnyCase(String cell, Resolution resolution) {
		assertThat(validate("prompt", "a cat", "resolution", cell).prompt().resolution()).isEqualTo(resolution);
	}

	@Test
	void anotherResolutionIsRejected() {
		assertThat(reasonFor("prompt", "a cat", "resolution", "4K"))
			.isEqualTo("resolution \"4K\" is not supported; use 1K or 2K");
	}

	@Test
	void aBadDefaultResolutionIsRejectedAsTheDefault() {
		assertThat(reasonWith(new PromptDefaults("pro", "HD", "1:1"), "prompt", "a cat"))
			.isEqualTo("resolution \"HD\" (the job default) is not supported; use 1K or 2K");
	}

	// aspect ratio

	@ParameterizedTest
	@CsvSource({ "1:1, 1:1", "16:9, 16:9", "9:16, 9:16", "4:3, 4:3", "3:4, 3:4", "3:2, 3:2", "2:3, 2:3", "auto, auto",
			"' AUTO ', auto", "' 16:9 ', 16:9" })
	void eachAspectRatioOfTheApiIsAccepted(String cell, String aspectRatio) {
		assertThat(validate("prompt", "a cat", "aspect_ratio", cell).prompt().aspectRatio()).isEqualTo(aspectRatio);
	}

	@Test
	void anotherAspectRatioIsRejected() {
		assertThat(reasonFor("prompt", "a cat", "aspect_ratio", "5:4"))
			.isEqualTo("aspect ratio \"5:4\" is not supported; use 1:1, 16:9, 9:16, 4:3, 3:4, 3:2, 2:3 or auto");
	}

	@Test
	void anAspectRatioTheSpreadsheetTurnedIntoATimeGetsAHint() {
		assertThat(reasonFor("prompt", "a cat", "aspect_ratio", "16:09:00"))
			.isEqualTo("aspect ratio \"16:09:00\" is not supported; use 1:1, 16:9, 9:16, 4:3, 3:4, 3:2, 2:3 or auto"
					+ " (it looks like a time: format the column as text in the spreadsheet)");
	}

	@Test
	void aBadDefaultAspectRatioIsRejectedAsTheDefault() {
		assertThat(reasonWith(new PromptDefaults("pro", "1K", "square"), "prompt", "a cat"))
			.startsWith("aspect ratio \"square\" (the job default) is not supported;");
	}

	// input URLs

	@Test
	void inputUrlsAreSeparatedByLineBreaksPipesOrSpaces() {
		String cell = "\n" + CAT + "\r\n" + DOG + " | https://images.test/3.png\thttps://images.test/4.png |";

		assertThat(validate("prompt", "a cat", "input_urls", cell).prompt().inputUrls()).containsExactly(CAT, DOG,
				"https://images.test/3.png", "https://images.test/4.png");
	}

	@Test
	void commasDoNotSeparateInputUrls() {
		assertThat(validate("prompt", "a cat", "input_urls", CAT + "," + DOG).prompt().inputUrls())
			.containsExactly(CAT + "," + DOG);
	}

	@Test
	void aTextToImagePromptHasNoInputUrls() {
		assertThat(validate("prompt", "a cat", "input_urls", " \n ").prompt().inputUrls()).isEmpty();
	}

	@Test
	void atMostEightInputUrlsAreAccepted() {
		assertThat(validate("prompt", "a cat", "input_urls", urls(8)).prompt().inputUrls()).hasSize(8);
		assertThat(reasonFor("prompt", "a cat", "input_urls", urls(9)))
			.isEqualTo("9 input URLs; image-to-image takes at most 8");
	}

	@Test
	void anInputUrlThatIsNotHttpIsRejectedByName() {
		assertThat(reasonFor("prompt", "a cat", "input_urls", CAT + "\nftp://images.test/dog.png"))
			.isEqualTo("input URL \"ftp://images.test/dog.png\" must start with http:// or https://");
	}

	@Test
	void aRelativeInputUrlIsRejectedByName() {
		assertThat(reasonFor("prompt", "a cat", "input_urls", "images.test/cat.png"))
			.isEqualTo("input URL \"images.test/cat.png\" must start with http:// or https://");
	}

	@Test
	void anInputUrlWithoutHostIsRejectedByName() {
		assertThat(reasonFor("prompt", "a cat", "input_urls", "https:///cat.png"))
			.isEqualTo("input URL \"https:///cat.png\" has no host");
	}

	@Test
	void aMalformedInputUrlIsRejectedByName() {
		assertThat(reasonFor("prompt", "a cat", "input_urls", "https://images.test/c^t.png"))
			.isEqualTo("input URL \"https://images.test/c^t.png\" is not a valid URL");
	}

	// key and file name

	@Test
	void theKeyIsTheTrimmedKeyCell() {
		ValidatedRow row = validate("sku", "  a/b 1  ", "prompt", "a cat");

		assertThat(row.key()).isEqualTo("a/b 1");
		assertThat(row.prompt().key()).isEqualTo("a/b 1");
		assertThat(row.prompt().fileName()).isEqualTo("a_b_1");
	}

	@Test
	void withoutKeyTheRowNumberIsTheKey() {
		ValidatedRow row = validate("id", " ", "prompt", "a cat");

		assertThat(row.key()).isEqualTo("7");
		assertThat(row.prompt().fileName()).isEqualTo("7");
	}

	@Test
	void keysAreMadeSafeFileNames() {
		assertThat(validate("id", "../etc/passwd", "prompt", "a cat").prompt().fileName()).isEqualTo("_etc_passwd");
		assertThat(validate("id", "CON", "prompt", "a cat").prompt().fileName()).isEqualTo("_CON");
	}

	@Test
	void aKeyThatLeavesNoFileNameIsRejected() {
		assertThat(reasonFor("id", "...", "prompt", "a cat"))
			.isEqualTo("key \"...\" gives an empty file name; use letters, digits, '.', '_' or '-' in keys");
	}

	@Test
	void aRejectedRowKeepsItsKeyOrRowNumber() {
		assertThat(validate("id", " k1 ", "prompt", "").key()).isEqualTo("k1");
		assertThat(validate("id", "", "prompt", "").key()).isEqualTo("7");
		assertThat(validate("prompt", "").key()).isEqualTo("7");
	}

	@Test
	void aRejectedRowKeepsItsRecord() {
		ValidatedRow row = validate("prompt", "", "notes", "keep me");

		assertThat(row.rejected()).isTrue();
		assertThat(row.prompt()).isNull();
		assertThat(row.record().cells()).containsExactly("", "keep me");
	}

	@Test
	void longValuesAreCutShortInReasons() {
		String url = "ftp://images.test/" + "x".repeat(200);

		assertThat(reasonFor("prompt", "a cat", "input_urls", url))
			.isEqualTo("input URL \"" + url.substring(0, 117) + "...\" must start with http:// or https://");
	}

	private static String urls(int count) {
		return IntStream.rangeClosed(1, count)
			.mapToObj((i) -> "https://images.test/" + i + ".png")
			.collect(Collectors.joining("\n"));
	}

	private static String reasonFor(String... columnsAndCells) {
		return reasonWith(DEFAULTS, columnsAndCells);
	}

	private static String reasonWith(PromptDefaults defaults, String... columnsAndCells) {
		ValidatedRow row = validateWith(defaults, columnsAndCells);
		assertThat(row.rejected()).as("rejected").isTrue();
		return row.rejectReason();
	}

	private static ValidatedRow validate(String... columnsAndCells) {
		return validateWith(DEFAULTS, columnsAndCells);
	}

	/**
	 * Validates row 7, starting on line 9, of a file with the given columns and cells.
	 */
	private static ValidatedRow validateWith(PromptDefaults defaults, String... columnsAndCells) {
		List<String> header = new ArrayList<>();
		List<String> cells = new ArrayList<>();
		for (int i = 0; i < columnsAndCells.length; i += 2) {
			header.add(columnsAndCells[i]);
			cells.add(columnsAndCells[i + 1]);
		}
		PromptValidator validator = new PromptValidator(PromptColumns.of(header), defaults);
		return validator.process(new CsvRecord(7, 9, cells)).rows().get(0);
	}

}
