package io.datom.core;

import io.datom.core.internal.format.TableMetadata;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What one version of a table recorded about itself in its {@code metadata.json} (format §4): its identity, shape,
 * type and lineage. An immutable view; the file's bytes stay core's business.
 */
public final class VersionMetadata {

  private final TableMetadata metadata;

  private VersionMetadata(TableMetadata metadata) {
    this.metadata = metadata;
  }

  static VersionMetadata of(TableMetadata metadata) {
    return new VersionMetadata(Objects.requireNonNull(metadata, "metadata"));
  }

  /** The version, its {@code metadata_sha}. */
  public String version() {
    return metadata.version();
  }

  /** The content's {@code data_sha}. */
  public Optional<String> dataSha() {
    return metadata.dataSha();
  }

  /** The SHA-256 of the stored parquet object, absent for versions written before cv1. */
  public Optional<String> parquetSha() {
    return metadata.parquetSha();
  }

  /** {@code derived} or {@code imported}. */
  public Optional<String> tableType() {
    return metadata.tableType();
  }

  /** The number of rows. */
  public OptionalLong nrow() {
    return metadata.nrow();
  }

  /** The number of columns. */
  public OptionalLong ncol() {
    return metadata.ncol();
  }

  /** The column names, in order. */
  public List<String> colnames() {
    return metadata.colnames();
  }

  /** When the version was written, as recorded ({@code created_at}). */
  public Optional<String> createdAt() {
    return metadata.createdAt();
  }

  /** The parents the version was derived from; empty when it declared none. */
  public Optional<List<Parent>> parents() {
    return metadata.parents().map(parents -> parents.stream().map(Parent::of).toList());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof VersionMetadata that && metadata.equals(that.metadata);
  }

  @Override
  public int hashCode() {
    return metadata.hashCode();
  }

  @Override
  public String toString() {
    return "VersionMetadata[" + version() + "]";
  }
}
