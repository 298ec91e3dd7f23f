package io.fluxbatch.simulator;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ImageSizeTest {

	@ParameterizedTest(name = "{0} {1} is {2}x{3}")
	@CsvSource({ "1K, 1:1, 1024, 1024", "2K, 1:1, 2048, 2048", "1K, 16:9, 1024, 576", "2K, 16:9, 2048, 1152",
			"1K, 9:16, 576, 1024", "1K, 4:3, 1024, 768", "2K, 3:4, 1536, 2048", "1K, 3:2, 1024, 683",
			"1K, 2:3, 683, 1024", "2K, auto, 2048, 2048" })
	void theLongSideFollowsTheResolutionAndTheShortSideTheRatio(String resolution, String aspectRatio, int width,
			int height) {
		assertThat(ImageSize.of(resolution, aspectRatio, false)).isEqualTo(new ImageSize(width, height));
	}

	@ParameterizedTest
	@CsvSource({ "1K, 16:9", "2K, 2:3", "2K, auto" })
	void tinyImagesAreAlwaysEightByEight(String resolution, String aspectRatio) {
		assertThat(ImageSize.of(resolution, aspectRatio, true)).isEqualTo(new ImageSize(8, 8));
	}

}
