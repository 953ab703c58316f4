/**
 * Engine-independent datom: the format (cv1 hashing, jsonlite-compatible JSON, metadata, history, manifest), stores,
 * the git data repo, version resolution and the write protocol. Nothing here depends on Spark.
 */
package io.datom.core;
