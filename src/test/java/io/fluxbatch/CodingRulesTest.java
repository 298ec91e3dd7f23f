package io.fluxbatch;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.fluxbatch.api.FluxClient;
import io.fluxbatch.progress.ProgressMonitor;
import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.Configuration;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The house habits that a reviewer would otherwise have to remember: Resilience4j is
 * applied in one package, only the command line prints, and time is read from the
 * injected {@link Clock}, so a test can set it.
 */
class CodingRulesTest {

	private static final List<Class<?>> DATES = List.of(Instant.class, LocalDate.class, LocalDateTime.class,
			LocalTime.class, OffsetDateTime.class, ZonedDateTime.class);

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.fluxbatch");

	@Test
	void resilience4jIsAppliedOnlyByTheApiClient() {
		noClasses().that()
			.resideOutsideOfPackage("io.fluxbatch.api..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.github.resilience4j..")
			.because("retries stacked in two places multiply, and a retried POST can charge twice")
			.check(this.classes);
	}

	@Test
	void onlyTheCommandLinePrints() {
		noClasses().that()
			.resideOutsideOfPackage("io.fluxbatch")
			.should()
			.accessFieldWhere(PRINTS)
			.because("a stage logs with SLF4J; the command line owns standard output and error")
			.check(this.classes);
	}

	@Test
	void timeIsReadFromTheInjectedClock() {
		noClasses().that()
			.resideOutsideOfPackages("io.fluxbatch", "io.fluxbatch.simulator..")
			.and()
			.areNotAnnotatedWith(Configuration.class)
			.should()
			.callMethodWhere(READS_THE_SYSTEM_CLOCK)
			.because("a Clock bean is injected, so that a test sets the time instead of waiting on it")
			.check(this.classes);
	}

	private static final DescribedPredicate<JavaFieldAccess> PRINTS = DescribedPredicate
		.describe("System.out or System.err", (access) -> {
			boolean printing = access.getTarget().getOwner().isEquivalentTo(System.class)
					&& Set.of("out", "err").contains(access.getTarget().getName());
			// Frozen: the terminal progress bar redraws itself on the process's standard
			// error, and the progress bar library takes a PrintStream, not the command
			// line's writer.
			boolean progressBar = access.getOriginOwner().isEquivalentTo(ProgressMonitor.class)
					&& access.getTarget().getName().equals("err");
			return printing && !progressBar;
		});

	private static final DescribedPredicate<JavaMethodCall> READS_THE_SYSTEM_CLOCK = DescribedPredicate
		.describe("a read of the system clock", (call) -> {
			String name = call.getTarget().getName();
			boolean noArguments = call.getTarget().getRawParameterTypes().isEmpty();
			boolean now = name.equals("now") && noArguments
					&& DATES.stream().anyMatch(call.getTarget().getOwner()::isEquivalentTo);
			boolean millis = name.equals("currentTimeMillis")
					&& call.getTarget().getOwner().isEquivalentTo(System.class);
			boolean systemClock = Set.of("systemUTC", "systemDefaultZone").contains(name)
					&& call.getTarget().getOwner().isEquivalentTo(Clock.class);
			// Frozen: the client's constructors without a Clock, for callers with no
			// context (estimate, tests); the application passes its Clock bean.
			boolean clientDefault = systemClock && call.getOriginOwner().isEquivalentTo(FluxClient.class)
					&& call.getOrigin().isConstructor();
			return (now || millis || systemClock) && !clientDefault;
		});

}
