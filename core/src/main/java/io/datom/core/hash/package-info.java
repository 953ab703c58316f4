/**
 * The hashing entry points an engine feeds (format §4.1, datom-cv1): {@link io.datom.core.hash.TableHasher} over
 * whole tables, {@link io.datom.core.hash.ColumnHasher} and its typed variants for one column streamed in chunks,
 * the {@link io.datom.core.hash.ColumnSpec}/{@link io.datom.core.hash.ColumnType} that describe a column, and the
 * results, {@link io.datom.core.hash.ColumnHash} and {@link io.datom.core.hash.TableHash}, that an engine hands to
 * {@link io.datom.core.DatomWriter#newWrite}. {@link io.datom.core.hash.Sha256} is datom's one SHA-256 helper.
 * The digest internals are package-private. A public package of the core's front door.
 */
package io.datom.core.hash;
