/**
 * Datoms: what changed in a datom table, cell by cell, as facts {@code [e a v tx added]}
 * ({@link io.datom.spark.datoms.Datoms}). Built on Spark's public surface only: versions are read by time travel on a
 * catalog table and listed by its {@code .history} metadata table, and every comparison is a Spark plan. Depends on
 * nothing else of the connector, and on core only for its exceptions.
 */
package io.datom.spark.datoms;
