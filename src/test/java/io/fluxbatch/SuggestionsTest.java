package io.fluxbatch;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SuggestionsTest {

	@Test
	void aSwapOfTwoLettersIsOneEdit() {
		assertThat(Suggestions.distance("rnu", "run")).isEqualTo(1);
		assertThat(Suggestions.distance("--ouput", "--output")).isEqualTo(1);
		assertThat(Suggestions.distance("status", "estimate")).isGreaterThan(2);
	}

}
