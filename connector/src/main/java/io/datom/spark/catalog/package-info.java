/**
 * How a {@link io.datom.spark.DatomCatalog} maps Spark identifiers to datom projects and tables: one project, the
 * projects registered in a governance store, or any store by path.
 */
package io.datom.spark.catalog;
