package io.datom.spark.catalog;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.spark.sql.connector.catalog.Identifier;

/**
 * How Spark identifiers name datom tables. A catalog's first {@code projectLevels} namespace parts select the
 * project (none for a single-project catalog; the project name in a portfolio; the store path in path mode), the
 * identifier's name is the table, and one more part plus the name {@code history} selects a table's history, in the
 * manner of Iceberg's metadata tables: {@code study.lb.history}, {@code acme.STUDY_001.lb.history}. A datom table
 * name cannot contain a dot, so {@code lb.history} is never a table.
 */
public final class DatomIdentifiers {

  /** The name of the history metadata table. */
  public static final String HISTORY = "history";

  private static final String HISTORY_SUFFIX = "." + HISTORY;

  private DatomIdentifiers() {}

  /** The identifier a path-mode catalog reads for {@code table} (possibly {@code {table}.history}) in a store. */
  public static Identifier forPath(String store, String table) {
    if (table.toLowerCase(Locale.ROOT).endsWith(HISTORY_SUFFIX)) {
      String base = table.substring(0, table.length() - HISTORY_SUFFIX.length());
      return Identifier.of(new String[] {store, base}, HISTORY);
    }
    return Identifier.of(new String[] {store}, table);
  }

  /**
   * Splits an identifier into the project namespace, the table and whether its history is meant, or empty when the
   * identifier has the wrong number of parts for the catalog.
   */
  public static Optional<TableReference> parse(Identifier ident, int projectLevels) {
    String[] namespace = ident.namespace();
    if (namespace.length == projectLevels) {
      return Optional.of(new TableReference(List.of(namespace), ident.name(), false));
    }
    if (namespace.length == projectLevels + 1 && ident.name().equalsIgnoreCase(HISTORY)) {
      List<String> project = List.of(namespace).subList(0, projectLevels);
      return Optional.of(new TableReference(project, namespace[projectLevels], true));
    }
    return Optional.empty();
  }

  /**
   * A parsed identifier.
   *
   * @param project the namespace parts that select the project
   * @param table the datom table name
   * @param history whether the table's history is meant rather than its data
   */
  public record TableReference(List<String> project, String table, boolean history) {
    public TableReference {
      project = List.copyOf(project);
    }

    /** The reference as written in messages, e.g. {@code lb.history}. */
    public String display() {
      return history ? table + HISTORY_SUFFIX : table;
    }
  }
}
