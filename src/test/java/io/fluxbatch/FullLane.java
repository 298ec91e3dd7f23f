package io.fluxbatch;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * A test class of the full lane: other processes, a PostgreSQL server, a browser, or
 * whole nights end to end, each class taking seconds to minutes. {@code ./mvnw -B verify}
 * runs them only where {@code FLUX_FULL_SUITE=true} (CI sets it), in their own Surefire
 * execution after the default lane, so that a change is checked in under a minute first.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(FullLane.TAG)
public @interface FullLane {

	String TAG = "full-lane";

}
