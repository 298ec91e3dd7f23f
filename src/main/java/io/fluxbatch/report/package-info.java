/**
 * Results, rejects, totals and the spend ledger, written in a step of the job. Nothing
 * here is null unless marked {@code @Nullable}: a row's columns that the run has not
 * filled, and the balance or quota an API never reported.
 */
@NullMarked
package io.fluxbatch.report;

import org.jspecify.annotations.NullMarked;
