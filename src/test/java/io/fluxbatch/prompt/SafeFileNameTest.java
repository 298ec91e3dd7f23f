package io.fluxbatch.prompt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SafeFileNameTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "sku-1.v2_final | sku-1.v2_final", "../etc/passwd | _etc_passwd", "a/b | a_b",
					"a\\b:c*d?e | a_b_c_d_e", "'a  b' | a_b", "a__b | a_b", ".hidden | hidden", "...x | x",
					"café au lait | caf_au_lait", "日本語 | _", "🐱cat | _cat" })
	void unsafeCharactersBecomeUnderscoresAndLeadingDotsGo(String key, String fileName) {
		assertThat(SafeFileName.of(key)).hasValue(fileName);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "CON | _CON", "con | _con", "prn | _prn", "Aux | _Aux", "NUL | _NUL", "com1 | _com1",
					"COM9 | _COM9", "lpt1 | _lpt1", "LPT9 | _LPT9", "con.txt | _con.txt", "nul.tar.gz | _nul.tar.gz",
					"..con | _con", "COM10 | COM10", "COM0 | COM0", "console | console", "icon | icon" })
	void windowsReservedNamesGetAnUnderscorePrefix(String key, String fileName) {
		assertThat(SafeFileName.of(key)).hasValue(fileName);
	}

	@Test
	void longKeysAreCutToAHundredCharacters() {
		assertThat(SafeFileName.of("k".repeat(150))).hasValue("k".repeat(100));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", ".", "..", "..." })
	void keysThatLeaveNothingGiveNoName(String key) {
		assertThat(SafeFileName.of(key)).isEmpty();
	}

}
