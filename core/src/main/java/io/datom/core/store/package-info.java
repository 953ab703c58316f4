/**
 * A project's data store (format §1.4): the {@link io.datom.core.store.Store} interface, the key builder
 * {@link io.datom.core.store.StoreKeys}, and the local-directory and S3 implementations. Keys passed to a store are
 * logical ({@code dm/abc.parquet}); the store adds {@code {prefix}/datom/}.
 */
package io.datom.core.store;
