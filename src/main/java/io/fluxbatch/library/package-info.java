/**
 * The image library and file hashes. Nothing here is null unless marked
 * {@code @Nullable}.
 */
@NullMarked
package io.fluxbatch.library;

import org.jspecify.annotations.NullMarked;
