/**
 * The datom file formats, byte-compatible with the R package datom 0.1.1 (format §1-§4, §9, §10): table metadata and
 * its {@code metadata_sha}, version history, manifest, {@code project.yaml}, {@code governance.json},
 * {@code ref.json}, the init files, lineage and name validation.
 *
 * <p>Every model is immutable. Models that R reads and rewrites keep the parsed JSON tree as their source of truth,
 * so unknown fields, key order and R's typing survive a read-modify-write.
 */
package io.datom.core.internal.format;
