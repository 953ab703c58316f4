package io.datom.core;

import java.util.Objects;
import java.util.Optional;

/**
 * One place where the store mirror disagrees with git.
 *
 * @param kind  what is wrong
 * @param table the table concerned, or empty for the project's manifest
 * @param key   the store key concerned
 */
public record Discrepancy(DiscrepancyKind kind, Optional<String> table, String key) {

  public Discrepancy {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(key, "key");
  }

  static Discrepancy ofProject(DiscrepancyKind kind, String key) {
    return new Discrepancy(kind, Optional.empty(), key);
  }

  static Discrepancy ofTable(DiscrepancyKind kind, String table, String key) {
    return new Discrepancy(kind, Optional.of(table), key);
  }

  @Override
  public String toString() {
    return kind + table.map(t -> " in table '" + t + "'").orElse("") + " at '" + key + "'";
  }
}
