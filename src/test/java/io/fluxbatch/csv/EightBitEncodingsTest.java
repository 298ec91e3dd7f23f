package io.fluxbatch.csv;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EightBitEncodingsTest {

	@Test
	void plainWindows1252TextHasNoOddities() {
		assertThat(EightBitEncodings.oddities("Tasse à café, 49 €, l’été, Größe, naïve, CAFÉ")).isZero();
	}

	@Test
	void macRomanReadAsWindows1252GivesItselfAway() {
		assertThat(EightBitEncodings.oddities("CafŽ au lait")).isEqualTo(1);
		assertThat(EightBitEncodings.oddities("na•ve")).isEqualTo(1);
		assertThat(EightBitEncodings.oddities("49 ¤")).isEqualTo(1);
	}

}
