package io.datom.core;

import io.datom.core.internal.format.ProjectLayout;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One resolved version of a table: everything a reader needs to fetch and check its data. Immutable.
 *
 * @param table      the table name
 * @param version    the version's {@code metadata_sha}
 * @param dataSha    the version's {@code data_sha}: its parquet object is {@code {table}/{data_sha}.parquet}
 * @param parquetSha the SHA-256 of the stored parquet bytes, absent for versions written before cv1
 * @param timestamp  when the version was written (its history {@code timestamp})
 * @param metadata   the version's metadata ({@code nrow}, {@code ncol}, {@code colnames}, lineage, custom) when
 *                   resolving it read them, as it does for the current version; for any version,
 *                   {@link DatomTable#metadata(String)} reads them from its snapshot
 */
public record Snapshot(String table, String version, String dataSha, Optional<String> parquetSha, Instant timestamp,
    Optional<VersionMetadata> metadata) {

  public Snapshot {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(dataSha, "dataSha");
    Objects.requireNonNull(parquetSha, "parquetSha");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(metadata, "metadata");
  }

  /** The logical store key of the version's parquet object, {@code {table}/{data_sha}.parquet} (format §1.4). */
  public String objectKey() {
    return ProjectLayout.dataObject(table, dataSha);
  }
}
