package io.fluxbatch.csv;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CellCodecTest {

	@Test
	void trickyCellsSurviveARoundTrip() {
		List<String> cells = List.of("", "plain", "a, b", "say \"hi\"", "line\r\nbreak\nand\rmore", "3:abc,", "::,,",
				" spaced ", "🐱 emoji", "", "\\back\\slash", "");

		assertThat(CellCodec.decode(CellCodec.encode(cells))).isEqualTo(cells);
	}

	@Test
	void noCellsAndOneEmptyCellStayDistinct() {
		assertThat(CellCodec.decode(CellCodec.encode(List.of()))).isEmpty();
		assertThat(CellCodec.decode(CellCodec.encode(List.of("")))).containsExactly("");
		assertThat(CellCodec.decode(CellCodec.encode(List.of("", "")))).containsExactly("", "");
	}

	@Test
	void eachCellIsWrittenAsItsLengthAndText() {
		assertThat(CellCodec.encode(List.of("ab", "", "x,y"))).isEqualTo("2:ab,0:,3:x,y,");
	}

	@Test
	void textThatWasNotEncodedIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> CellCodec.decode("a,b"));
		assertThatIllegalArgumentException().isThrownBy(() -> CellCodec.decode("5:ab,"));
		assertThatIllegalArgumentException().isThrownBy(() -> CellCodec.decode("2:abc"));
		assertThatIllegalArgumentException().isThrownBy(() -> CellCodec.decode("-1:,"));
	}

	@Test
	void nullCellsAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> CellCodec.encode(Arrays.asList("a", null)));
	}

}
