package io.datom.spark.write;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What one datom write from Spark did, as {@link DatomWrites#lastResult()} returns it and the write's log line shows
 * it.
 *
 * @param table the table written
 * @param store the project's store
 * @param action {@code none} (the table's current version already had this content and metadata: nothing was
 *     committed or uploaded), {@code metadata_only} (a new version reusing the current object) or {@code full}
 * @param version the {@code metadata_sha} that is now the table's current version
 * @param dataSha its {@code data_sha}
 * @param parquetSha the {@code parquet_sha} it records, if any
 * @param rows its number of rows
 * @param commit the git commit holding it
 * @param uploaded whether this write placed the parquet object (false when the object was reused or already there)
 * @param parts how many part files the executors wrote
 * @param elapsed how long the write took, from the first check to the last store write
 */
public record DatomWriteResult(String table, String store, String action, String version, String dataSha,
    Optional<String> parquetSha, long rows, String commit, boolean uploaded, int parts, Duration elapsed) {

  public DatomWriteResult {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(dataSha, "dataSha");
    Objects.requireNonNull(parquetSha, "parquetSha");
    Objects.requireNonNull(commit, "commit");
    Objects.requireNonNull(elapsed, "elapsed");
  }

  /**
   * The result in one line: {@code lb in s3a://b/trial: full version=3f2a… data_sha=8d1e… rows=10 commit=0e35…
   * object=uploaded parts=4 in 12.3 s}.
   */
  public String summary() {
    return String.format("%s in %s: %s version=%s data_sha=%s rows=%d commit=%s object=%s parts=%d in %.1f s",
        table, store, action, version, dataSha, rows, commit, uploaded ? "uploaded" : "not uploaded", parts,
        elapsed.toMillis() / 1000.0);
  }
}
