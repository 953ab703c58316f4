package io.datom.core;

import java.util.Objects;
import java.util.Optional;

/**
 * What a write did: R's {@code datom_write} return value {@code {name, data_sha, metadata_sha, action, commit_sha}}
 * plus what an engine wants to log.
 *
 * @param action      none, metadata only, or full
 * @param table       the table
 * @param metadataSha the version ({@code metadata_sha}) that is now the table's current one
 * @param dataSha     its {@code data_sha}
 * @param commitSha   the commit holding it: the new commit, or for {@link WriteAction#NONE} the commit at which the
 *                    version was found to be current already
 * @param nrow        the number of rows of the version
 * @param parquetSha  the {@code parquet_sha} the version records; empty only when a metadata-only write carried
 *                    forward a version that had none
 * @param uploaded    whether this write created the parquet object (false when it was reused or already there)
 * @param attempts    how many attempts the write took (1 unless pushes were rejected)
 */
public record WriteResult(
    WriteAction action,
    String table,
    String metadataSha,
    String dataSha,
    String commitSha,
    long nrow,
    Optional<String> parquetSha,
    boolean uploaded,
    int attempts) {

  public WriteResult {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(metadataSha, "metadataSha");
    Objects.requireNonNull(dataSha, "dataSha");
    Objects.requireNonNull(commitSha, "commitSha");
    Objects.requireNonNull(parquetSha, "parquetSha");
  }

  /** One line for logs: {@code dm: full f70790b0 (data a065e461, 5 rows, commit 0e35bc15)}. */
  public String summary() {
    return table + ": " + action.rName() + " " + metadataSha.substring(0, 8) + " (data " + dataSha.substring(0, 8)
        + ", " + nrow + " rows, commit " + commitSha.substring(0, Math.min(8, commitSha.length())) + ")";
  }
}
