package io.fluxbatch.csv;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DelimiterSnifferTest {

	@Test
	void theDelimiterIsTheOneUnderWhichRowsAreAsWideAsTheHeaderNotTheOneTheHeaderHoldsMost() {
		assertThat(DelimiterSniffer.sniff("SKU;Maße (B, H, T)\nT-1;80 x 75\nT-2;45 x 90\n", null, null))
			.isEqualTo(new DelimiterSniffer.Layout(';', '"'));
	}

	@Test
	void aFileQuotedWithApostrophesIsReadSoAndOneWithDoubleQuotesIsNot() {
		assertThat(DelimiterSniffer.sniff("'id','prompt'\n'1','A cup, white'\n", null, null))
			.isEqualTo(new DelimiterSniffer.Layout(',', '\''));
		assertThat(DelimiterSniffer.sniff("id,prompt\n1,\"Don't, ever\"\n2,'Tis the season\n", null, null))
			.isEqualTo(new DelimiterSniffer.Layout(',', '"'));
	}

	@Test
	void whatTheUserNamedWins() {
		assertThat(DelimiterSniffer.sniff("'id','prompt'\n'1','A cup, white'\n", ';', '"'))
			.isEqualTo(new DelimiterSniffer.Layout(';', '"'));
		assertThat(CsvOptions.quote("single")).isEqualTo('\'');
		assertThatThrownBy(() -> CsvOptions.quote("`")).isInstanceOf(CsvInputException.class)
			.hasMessage("quote '`' is not one we read; use \" (double) or ' (single)");
	}

	@Test
	void aSingleColumnFileOrAHeaderAloneFallsBackToTheWidestHeader() {
		assertThat(DelimiterSniffer.sniff("prompt\nA red, shiny apple\n", null, null).delimiter()).isEqualTo(',');
		assertThat(DelimiterSniffer.sniff("id\tprompt\n", null, null).delimiter()).isEqualTo('\t');
	}

}
