/**
 * Datoms: what changed in a datom table, cell by cell, as facts {@code [e a v tx added]}
 * ({@link io.datom.spark.datoms.Datoms}). Versions are read by time travel on a catalog table and listed by its
 * {@code .history} metadata table, and every comparison is distributed Spark work. Two whole stored versions are read
 * side by side by row position (the version's object from {@code read}'s {@code VersionRead}, the reading by
 * {@code task}'s {@code PairedScan}); depends on core only for its exceptions.
 */
package io.datom.spark.datoms;
