package io.fluxbatch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

/**
 * The packages follow the flow of a row, and each uses only those before it.
 */
class PackageLayoutTest {

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.fluxbatch");

	@Test
	void eachPackageDependsOnlyOnThoseBeforeIt() {
		layeredArchitecture().consideringOnlyDependenciesInAnyPackage("io.fluxbatch..")
			.layer("command line")
			.definedBy("io.fluxbatch")
			.layer("csv")
			.definedBy("io.fluxbatch.csv..")
			.layer("prompt")
			.definedBy("io.fluxbatch.prompt..")
			.layer("api")
			.definedBy("io.fluxbatch.api..")
			.layer("simulator")
			.definedBy("io.fluxbatch.simulator..")
			.layer("download")
			.definedBy("io.fluxbatch.download..")
			.layer("report")
			.definedBy("io.fluxbatch.report..")
			.layer("review")
			.definedBy("io.fluxbatch.review..")
			.layer("job")
			.definedBy("io.fluxbatch.job..")
			.layer("progress")
			.definedBy("io.fluxbatch.progress..")
			.whereLayer("command line")
			.mayNotBeAccessedByAnyLayer()
			.whereLayer("job")
			.mayOnlyBeAccessedByLayers("command line")
			.whereLayer("progress")
			.mayOnlyBeAccessedByLayers("command line")
			.whereLayer("review")
			.mayOnlyBeAccessedByLayers("job", "progress", "command line")
			.whereLayer("simulator")
			.mayOnlyBeAccessedByLayers("command line")
			.whereLayer("report")
			.mayOnlyBeAccessedByLayers("job", "progress", "command line")
			.whereLayer("download")
			.mayOnlyBeAccessedByLayers("job", "review", "progress", "command line")
			.whereLayer("api")
			.mayOnlyBeAccessedByLayers("download", "job", "progress", "command line")
			.whereLayer("prompt")
			.mayOnlyBeAccessedByLayers("report", "job", "command line")
			.whereLayer("csv")
			.mayOnlyBeAccessedByLayers("prompt", "report", "job", "command line")
			.check(this.classes);
	}

}
