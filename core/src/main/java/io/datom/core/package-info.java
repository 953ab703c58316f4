/**
 * The datom API, the front door of the core: everything an engine or a user calls lives here, the format, json, git
 * and protocol machinery lives behind it under {@code io.datom.core.internal}. Beside this package an engine uses
 * {@link io.datom.core.store} (the {@code Store} it supplies or picks), {@link io.datom.core.hash} (the cv1 hashers
 * it feeds) and {@link io.datom.core.exceptions} (the typed failures). Nothing here depends on Spark.
 *
 * <h2>Reading</h2>
 *
 * <p>Reading datom tables from a store alone, never git (format §7, §9, §14.4).
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
 *
 * <h2>Writing</h2>
 *
 * <p>Creating datom projects and writing table versions into them, safely with concurrent writers (format §6 with
 * §14.3), and checking or repairing the store mirror (R's {@code datom_validate(fix = TRUE)}).
 *
 * <h3>How a write runs</h3>
 *
 * <ol>
 *   <li>The request is checked before anything is touched: the table name (§10), lineage, custom metadata and the
 *       already computed {@link io.datom.core.hash.TableHash} (the hash gate). The engine hashes; core never reads
 *       table data.
 *   <li>The metadata is built in memory and its {@code metadata_sha} computed.
 *   <li>The writer's clone is reset to the remote's current state, and the new version is compared with the table's
 *       current {@code metadata.json} <em>in git</em>: {@code none}, {@code metadata_only} or {@code full}. R compares
 *       with the store's copy; in a consistent project the two are equal, so R-visible outcomes are the same, but with
 *       concurrent writers the freshly fetched git state is the only authoritative one (the store mirror may lag by
 *       a write in flight).
 *   <li>{@code full} needs a parquet object: an earlier version's recorded {@code parquet_sha} for the same
 *       {@code data_sha} is reused without touching the data when the object is still in the store; otherwise the
 *       {@link io.datom.core.ParquetObject} places it at {@code {table}/{data_sha}.parquet} with create-if-absent
 *       and reports the stored object's size and hash. This happens <em>before</em> the push, so no version is ever
 *       referenced without its data. {@code metadata_only} carries the current {@code parquet_sha} and
 *       {@code size_bytes} forward.
 *   <li>{@code metadata.json}, {@code version_history.json} (with R's dedup guard) and {@code .datom/manifest.json}
 *       are written, exactly those three paths are committed and pushed. A rejected push means another writer pushed
 *       first: the writer resets to the new remote state and recomputes everything from step 3, with bounded,
 *       jittered retries ({@link io.datom.core.RetryPolicy}).
 *   <li>The store mirror is written from the remote's latest state: this version's snapshot, then the table's
 *       history, then its current {@code metadata.json}, then the manifest, so that a reader who sees a new current
 *       version also finds it in the history. The writer then checks the remote head again and mirrors once more if
 *       it moved; a writer only finishes after mirroring the head it last saw. Because every writer does this, the
 *       store ends equal to git. The residual window: while a slow writer's stale mirror lands after a faster
 *       writer's newer one, the store can briefly show an older state, until the slow writer's re-check corrects
 *       it; if that writer crashes in between, the store stays behind until the table's next write or a validation
 *       with {@code fix = true}.
 * </ol>
 *
 * <p>Every step is idempotent. A write interrupted anywhere can be re-run and converges: an object already at its
 * content address is found rather than overwritten, a version already in git is detected as {@code none} (and a
 * store mirror left behind is caught up), and the dedup guard never records a version twice.
 */
package io.datom.core;
