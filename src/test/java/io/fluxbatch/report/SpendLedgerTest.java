package io.fluxbatch.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * {@link SpendLedger}: spend.csv, the folder's permanent record of what each command
 * paid, only ever grows.
 */
class SpendLedgerTest {

	@TempDir
	Path folder;

	@Test
	void aFolderWithoutALedgerHasNoEntries() {
		assertThat(SpendLedger.read(this.folder)).isEmpty();
	}

	@Test
	void eachCommandAddsALineAndTheEarlierOnesStayAsTheyWere() throws Exception {
		SpendLedger.Entry first = new SpendLedger.Entry("2026-12-01T02:00:00Z", 1, 3, 90,
				"flux-2/pro-text-to-image 1K 90", 0, 0, 910L);
		SpendLedger.Entry second = new SpendLedger.Entry("2026-12-02T02:00:00Z", 2, 1, 30,
				"flux-2/pro-text-to-image 1K 30", 1, 30, null);

		SpendLedger.append(this.folder, false, first);
		SpendLedger.append(this.folder, false, second);

		assertThat(SpendLedger.read(this.folder)).containsExactly(first, second);
		List<String> lines = Files.readAllLines(this.folder.resolve(SpendLedger.FILE));
		assertThat(lines.get(0)).isEqualTo(String.join(",", SpendLedger.HEADER));
		assertThat(lines).hasSize(3);
		assertThat(this.folder.resolve(SpendLedger.FILE + ".part")).doesNotExist();
	}

	@Test
	void possibleDuplicatesAddUpOverEveryCommandIntoTheFolder() {
		TotalsLine line = SpendLedger.possibleDuplicates(List.of(new SpendLedger.Entry("a", 1, 2, 60, "", 1, 30, null),
				new SpendLedger.Entry("b", 2, 0, 0, "", 2, 75, null)));

		assertThat(line.model()).isEqualTo("POSSIBLE_DUPLICATES_IN_FOLDER");
		assertThat(line.images()).isEqualTo(3);
		assertThat(line.credits()).isEqualTo(105);
	}

	@Test
	void anUnreadableLedgerSaysWhatToDoInOneLine() throws Exception {
		Files.writeString(this.folder.resolve(SpendLedger.FILE),
				String.join(",", SpendLedger.HEADER) + "\nx,not a run\n");

		assertThatIllegalStateException().isThrownBy(() -> SpendLedger.read(this.folder))
			.withMessageContaining("cannot read")
			.withMessageEndingWith("move it aside to start a new ledger")
			.withMessageNotContaining("\n");
	}

}
