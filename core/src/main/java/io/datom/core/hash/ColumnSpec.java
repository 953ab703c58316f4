package io.datom.core.hash;

import java.util.Objects;

/**
 * A named, typed column of a table to hash. Names are used verbatim (UTF-8, no normalisation); whether they are
 * non-empty and unique is checked by {@link TableHasher}, which refuses offenders together.
 *
 * @param name the column name
 * @param type the column type
 */
public record ColumnSpec(String name, ColumnType type) {
  public ColumnSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }

  /** Shorthand for {@code new ColumnSpec(name, ColumnType.parse(sqlTypeName))}. */
  public static ColumnSpec of(String name, String sqlTypeName) {
    return new ColumnSpec(name, ColumnType.parse(sqlTypeName));
  }
}
