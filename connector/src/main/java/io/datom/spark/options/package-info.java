/**
 * The options of datom reads, writes and catalogs: their names ({@link io.datom.spark.options.DatomReadOptions},
 * {@link io.datom.spark.options.DatomWriteOptions}, {@link io.datom.spark.options.DatomCatalogOptions}), the refusal
 * of unknown ones ({@link io.datom.spark.options.KnownOptions}), and the settings each operation parses once
 * ({@link io.datom.spark.options.ReadSettings}, {@link io.datom.spark.options.WriteSettings},
 * {@link io.datom.spark.options.CatalogSettings}), all resolved in one order: option, catalog option, session
 * configuration, default.
 */
package io.datom.spark.options;
