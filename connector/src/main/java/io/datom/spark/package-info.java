/**
 * The Spark DataSource V2 connector for datom: {@code format("datom")}, the {@code DatomCatalog}, and the distributed
 * write. A thin layer over {@code io.datom.core}: executors only read and write parquet; all metadata and git work
 * happens on the driver.
 */
package io.datom.spark;
