/**
 * The Spark DataSource V2 connector for datom: the classes users name. {@link io.datom.spark.DatomDataSource}
 * ({@code format("datom")}), {@link io.datom.spark.DatomCatalog}, {@link io.datom.spark.DatomSparkSessionExtensions},
 * {@link io.datom.spark.DatomChanges} and {@link io.datom.spark.DatomProjects}. A thin layer over
 * {@code io.datom.core}: executors only read and write parquet; all metadata and git work happens on the driver.
 *
 * <p>Packages, each depending only on those listed after it: this root; {@code sql} (SQL functions and rules);
 * {@code validate} (project validation); {@code catalog} (identifiers and project locators); {@code table} (Spark's
 * tables and write builders); {@code write} (a write's driver orchestration); {@code read} (scans, integrity checks);
 * {@code task} (what executors run); {@code schema} (Spark types as datom column types); {@code store} (Hadoop
 * stores); {@code options} (option names and the one settings parser); {@code exceptions}.
 */
package io.datom.spark;
