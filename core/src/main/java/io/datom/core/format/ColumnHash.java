package io.datom.core.format;

import io.datom.core.json.JsonObject;
import java.util.Objects;

/**
 * One entry of a metadata's {@code column_hashes}: a column's name and its datom-cv1 digest (format §5.2).
 *
 * @param name the column name
 * @param sha  the column digest, 64 lowercase hex characters
 */
public record ColumnHash(String name, String sha) {

  public ColumnHash {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(sha, "sha");
  }

  /** The entry as R writes it: {@code {"name": ..., "sha": ...}}. */
  public JsonObject toJson() {
    return JsonObject.builder().put("name", name).put("sha", sha).build();
  }
}
