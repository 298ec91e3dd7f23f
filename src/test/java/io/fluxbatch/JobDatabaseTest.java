package io.fluxbatch;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobDatabaseTest {

	@TempDir
	Path dir;

	@Test
	void theDatabaseLivesWithTheOutputFolderUnlessMoved() {
		Path output = this.dir.resolve("out");

		assertThat(JobDatabase.folder(null, output, this.dir)).isEqualTo(output.resolve(".flux-batch"));
		assertThat(JobDatabase.folder("relative/db", output, this.dir)).isAbsolute()
			.isEqualTo(Path.of("relative/db").toAbsolutePath());
	}

	@Test
	void aDatabaseInTheOldDefaultPlaceIsNotLeftBehindSilently() throws Exception {
		Files.createDirectories(this.dir.resolve(".flux-batch"));
		Files.writeString(this.dir.resolve(".flux-batch/flux-batch.mv.db"), "");
		Path output = this.dir.resolve("out");

		assertThatThrownBy(() -> JobDatabase.folder(null, output, this.dir)).isInstanceOf(UsageException.class)
			.hasMessageContaining("mv " + this.dir.resolve(".flux-batch") + " " + output.resolve(".flux-batch"))
			.hasMessageContaining("--db " + this.dir.resolve(".flux-batch"));
		assertThat(JobDatabase.folder(this.dir.resolve(".flux-batch").toString(), output, this.dir))
			.isEqualTo(this.dir.resolve(".flux-batch"));
	}

	@Test
	void aDatabaseTheLastReleasePutInAFolderNamedTwiceIsNotLeftBehindSilently() throws Exception {
		Path db = this.dir.resolve("db");
		Path doubled = Path.of(db + "," + db);
		Files.createDirectories(doubled);
		Files.writeString(doubled.resolve("flux-batch.mv.db"), "");

		assertThatThrownBy(() -> JobDatabase.folder(db.toString(), this.dir.resolve("out"), this.dir))
			.isInstanceOf(UsageException.class)
			.hasMessageContaining("mv '" + doubled + "'/* " + db + "/");
	}

}
