package io.datom.spark.datoms;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The columns that identify an entity (a row) within a version, e.g. {@code USUBJID, LBSEQ}: a datom's {@code e}.
 * Matched to a version's columns as Spark matches names (case-insensitively unless {@code spark.sql.caseSensitive}).
 */
final class EntityKey {

  /** The datoms' own columns, which a key column cannot be called. */
  static final List<String> DATOM_COLUMNS = List.of("a", "v", "v_type", "tx", "added");
  /** Prefix of the columns used while the datoms are computed. */
  static final String INTERNAL_PREFIX = "__datom_";

  private final List<String> columns;

  private EntityKey(List<String> columns) {
    this.columns = List.copyOf(columns);
  }

  /** The key of these columns, refused if empty, repeated or named like a datom column. */
  static EntityKey of(List<String> columns) {
    if (columns == null || columns.isEmpty()) {
      throw new InvalidKeyException("An entity key needs at least one column, e.g. USUBJID, LBSEQ.");
    }
    Set<String> seen = new LinkedHashSet<>();
    for (String column : columns) {
      String lower = column == null ? "" : column.trim().toLowerCase(Locale.ROOT);
      if (lower.isEmpty()) {
        throw new InvalidKeyException("The entity key " + columns + " has an empty column name.");
      }
      if (DATOM_COLUMNS.contains(lower) || lower.startsWith(INTERNAL_PREFIX)) {
        throw new InvalidKeyException("Key column " + column.trim() + " has the name of a datom column ("
            + String.join(", ", DATOM_COLUMNS) + "); rename it in the compared DataFrames first.");
      }
      if (!seen.add(lower)) {
        throw new InvalidKeyException("Key column " + column.trim() + " is named twice in " + columns + ".");
      }
    }
    return new EntityKey(columns.stream().map(String::trim).toList());
  }

  /** The key written as one string, columns separated by commas: {@code "USUBJID, LBSEQ"}. */
  static EntityKey parse(String commaSeparated) {
    List<String> columns = new ArrayList<>();
    for (String part : commaSeparated.split(",", -1)) {
      columns.add(part.trim());
    }
    return of(columns);
  }

  /** The key columns as given. */
  List<String> columns() {
    return columns;
  }

  /**
   * The names {@code rows} has for the key columns, in key order.
   *
   * @param version the version the rows are, for the message
   * @throws KeyColumnMissingException if it lacks one
   */
  List<String> resolve(Dataset<Row> rows, String version, boolean caseSensitive) {
    List<String> names = List.of(rows.columns());
    List<String> resolved = new ArrayList<>();
    for (String column : columns) {
      List<String> matches = names.stream()
          .filter(name -> caseSensitive ? name.equals(column) : name.equalsIgnoreCase(column))
          .toList();
      String match = matches.contains(column) ? column : matches.size() == 1 ? matches.get(0) : null;
      if (match == null) {
        throw new KeyColumnMissingException(column, version, names);
      }
      resolved.add(match);
    }
    return resolved;
  }
}
