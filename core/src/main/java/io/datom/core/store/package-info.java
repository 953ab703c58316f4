/**
 * The engine-facing store SPI (format §1.4): the {@link io.datom.core.store.Store} interface an engine supplies or
 * picks, its {@link io.datom.core.store.StoreLocation}, the {@link io.datom.core.store.MirrorDocument} a mirror
 * write carries, and the local-directory and S3 implementations with their configuration. Keys passed to a store are
 * logical ({@code dm/abc.parquet}); the store adds {@code {prefix}/datom/}. A public package of the core's front
 * door, beside {@link io.datom.core}.
 */
package io.datom.core.store;
