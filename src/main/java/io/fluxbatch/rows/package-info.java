/**
 * The row's one spelling of its status and the committed per-row update. Nothing here is
 * null unless marked {@code @Nullable}.
 */
@NullMarked
package io.fluxbatch.rows;

import org.jspecify.annotations.NullMarked;
