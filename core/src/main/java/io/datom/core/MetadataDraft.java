package io.datom.core;

import io.datom.core.exceptions.InvalidMetadataException;
import io.datom.core.hash.TableHash;
import io.datom.core.internal.format.Lineage;
import io.datom.core.internal.format.Names;
import io.datom.core.internal.format.TableMetadata;
import io.datom.core.internal.json.JsonObject;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The metadata of a new version before its volatile fields are known (format §3.1, §6 step 4): everything that
 * decides its {@code metadata_sha}, checked once up front.
 */
final class MetadataDraft {

  /**
   * The {@code datom_version} this project writes. R records its package version; we record the version of the R
   * package whose format we reproduce, so that R tooling reading the field sees a release it knows.
   */
  static final String DATOM_VERSION = "0.1.1";

  private final WriteRequest request;
  private final String projectName;
  private final String version;

  /**
   * Checks the request: the table name (R's messages), the column names, the parents and the custom metadata.
   *
   * @throws io.datom.core.exceptions.InvalidNameException if the table name is invalid
   * @throws InvalidMetadataException if column names or custom metadata are unusable
   * @throws io.datom.core.exceptions.InvalidLineageException if a parent is malformed
   */
  MetadataDraft(WriteRequest request, String projectName) {
    this.request = request;
    this.projectName = projectName;
    Names.requireValid(request.table());
    requireUsableColumnNames(request.hash().colnames());
    // created_at is volatile, so any value gives the version; building also runs the format's own checks.
    this.version = build("1970-01-01T00:00:00Z", null, null).version();
  }

  /** {@code metadata_sha}. */
  String version() {
    return version;
  }

  /** {@code data_sha}. */
  String dataSha() {
    return request.hash().dataSha();
  }

  /**
   * The metadata as stored.
   *
   * @param parquetSha the stored object's sha, or {@code null} to omit the field
   * @param sizeBytes  the stored object's size, or {@code null} to omit the field
   */
  TableMetadata build(String createdAt, String parquetSha, Double sizeBytes) {
    TableHash hash = request.hash();
    TableMetadata.Builder b = TableMetadata.builder()
        .dataSha(hash.dataSha())
        .parquetSha(parquetSha)
        .tableType(request.isImported() ? TableMetadata.IMPORTED : TableMetadata.DERIVED)
        .nrow(hash.nrow())
        .colnames(hash.colnames())
        .columnHashes(hash.columnHashes())
        .createdAt(createdAt)
        .datomVersion(DATOM_VERSION);
    request.originalFileSha().ifPresent(b::originalFileSha);
    request.parents().ifPresentOrElse(
        parents -> b.parents(parents).sourceLineage(Lineage.unionOf(parents)),
        () -> {
          if (request.isImported()) {
            b.sourceLineage(List.of(selfLineage()));
          }
        });
    if (sizeBytes != null) {
      b.sizeBytes(sizeBytes);
    }
    request.custom().ifPresent(b::custom);
    return b.build();
  }

  /** An imported table is its own source (format §8, sync step 5): the version_sha is the data_sha. */
  private JsonObject selfLineage() {
    return JsonObject.builder()
        .put("project", projectName)
        .put("table", request.table())
        .put("version_sha", dataSha())
        .build();
  }

  private static void requireUsableColumnNames(List<String> colnames) {
    Set<String> seen = new HashSet<>();
    for (String name : colnames) {
      if (name.isEmpty()) {
        throw new InvalidMetadataException("colnames",
            "A column has an empty name. Give every column a name before writing.");
      }
      if (!seen.add(name)) {
        throw new InvalidMetadataException("colnames",
            "Column name \"" + name + "\" appears more than once; column names must be unique. Rename the"
                + " duplicates before writing.");
      }
    }
  }
}
