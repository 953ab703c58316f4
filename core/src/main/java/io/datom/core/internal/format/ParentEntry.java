package io.datom.core.internal.format;

import io.datom.core.exceptions.InvalidDatomFileException;
import io.datom.core.internal.json.JsonObject;
import io.datom.core.internal.json.JsonValue;

/**
 * A parent declaration as R's {@code datom_parent()} returns it: the parent table's project, name, full version and
 * {@code data_sha}, plus the {@code source_lineage} of the parent's snapshot, kept verbatim (format §9).
 *
 * <p>Validate parents with {@link Lineage#validateParents} before use; the metadata records each one lean through
 * {@link #toJson()}, and the table's own lineage is {@link Lineage#unionOf} the parents.
 *
 * @param source        the parent's project name
 * @param table         the parent table
 * @param version       the parent's full {@code metadata_sha}
 * @param dataSha       the parent's {@code data_sha}
 * @param sourceLineage the parent's {@code source_lineage} exactly as its snapshot holds it, or {@code null} if it has
 *                      none
 */
public record ParentEntry(String source, String table, String version, String dataSha, JsonValue sourceLineage) {

  /** A parent without source lineage. */
  public ParentEntry(String source, String table, String version, String dataSha) {
    this(source, table, version, dataSha, null);
  }

  /**
   * The parent described by a snapshot {@code {table}/.metadata/{version}.json}, as {@code datom_parent()} builds it.
   *
   * @param project     the parent's project name (the connection's)
   * @param snapshotKey the snapshot's key, for the message when it has no {@code data_sha}
   * @throws InvalidDatomFileException if the snapshot has no {@code data_sha}, with R's message
   */
  public static ParentEntry fromSnapshot(String project, String table, String version, TableMetadata snapshot,
      String snapshotKey) {
    String dataSha = snapshot.dataSha().filter(s -> !s.isEmpty()).orElseThrow(() ->
        new InvalidDatomFileException(snapshotKey, "Parent snapshot for " + Names.quoted(table + "@" + version)
            + " is missing data_sha.\nℹ The snapshot at " + Names.quoted(snapshotKey) + " in project "
            + Names.quoted(project) + " has no data_sha."));
    return new ParentEntry(project, table, version, dataSha, snapshot.json().get("source_lineage").orElse(null));
  }

  /** The lean record stored in {@code parents}: {@code {source, table, version, data_sha}}, all strings. */
  public JsonObject toJson() {
    return JsonObject.builder()
        .put("source", source)
        .put("table", table)
        .put("version", version)
        .put("data_sha", dataSha)
        .build();
  }
}
