/**
 * Reading datom tables from a store alone, never git (format §7, §9, §14.4).
 *
 * <pre>{@code
 * DatomProject project = DatomProject.open(store);          // no I/O
 * DatomTable dm = project.table("dm");                      // validates the name, no I/O
 * Snapshot v = dm.snapshot(VersionSpec.version("939d60"));  // one read: version_history.json
 * ParquetIntegrity.verify(store, v);                        // one full read of the object
 * }</pre>
 *
 * <p>Resolution follows R's {@code datom_read}: the current version comes from {@code metadata.json}; a version is a
 * full {@code metadata_sha} or a unique, case-sensitive prefix (R's messages when it matches none or several); an
 * instant selects the newest version whose history timestamp is at or before it. Every resolution costs one or two
 * store reads whatever the history's length, and the resolved {@code data_sha} is checked to be hex before it becomes
 * a key. Errors are the typed exceptions of {@link io.datom.core.exceptions}.
 */
package io.datom.core.read;
