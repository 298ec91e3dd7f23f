package io.fluxbatch;

import java.util.Arrays;
import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

/**
 * The packages follow the flow of a row, and each uses only those before it: a stage
 * never reaches into a later one, and only the command line starts the simulator.
 */
class PackageLayoutTest {

	/** In the order a row meets them; the command line (the root package) comes last. */
	private static final List<String> FLOW = List.of("csv", "prompt", "api", "library", "rows", "run", "report", "load",
			"reuse", "poll", "submit", "download", "generate", "share", "review", "progress", "job", "simulator");

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.fluxbatch");

	@Test
	void eachPackageUsesOnlyThoseBeforeItInTheFlow() {
		LayeredArchitecture layers = layeredArchitecture().consideringOnlyDependenciesInAnyPackage("io.fluxbatch..")
			.layer("command line")
			.definedBy("io.fluxbatch");
		for (String name : FLOW) {
			layers = layers.layer(name).definedBy("io.fluxbatch." + name + "..");
		}
		layers = layers.whereLayer("command line").mayNotBeAccessedByAnyLayer();
		for (int i = 0; i < FLOW.size(); i++) {
			String[] later = later(i);
			layers = layers.whereLayer(FLOW.get(i)).mayOnlyBeAccessedByLayers(later);
		}
		layers.check(this.classes);
	}

	@Test
	void theJobDrawsTheFlowAndEachStageMakesItsOwnReadersAndWriters() {
		noClasses().that()
			.resideInAPackage("io.fluxbatch.job")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.batch.infrastructure.item..")
			.because("each stage's package holds its reader, writer and SQL; the job only wires the steps")
			.check(this.classes);
	}

	private static String[] later(int index) {
		String[] after = FLOW.subList(index + 1, FLOW.size()).toArray(String[]::new);
		String[] withCommandLine = Arrays.copyOf(after, after.length + 1);
		withCommandLine[after.length] = "command line";
		return withCommandLine;
	}

}
