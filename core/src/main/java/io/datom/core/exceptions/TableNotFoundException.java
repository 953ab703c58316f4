package io.datom.core.exceptions;

import java.util.List;

/** A table was asked for that the project's store does not hold. Lists the tables it does hold. */
public class TableNotFoundException extends DatomException {
  private static final long serialVersionUID = 1L;
  private final String table;
  private final String store;
  private final List<String> available;

  public TableNotFoundException(String table, String store, List<String> available) {
    super("Table '" + table + "' not found in store " + store + ". "
        + (available.isEmpty()
            ? "The project has no tables yet."
            : "Its tables are: " + String.join(", ", available) + ". Check the spelling (names are case-sensitive)."));
    this.table = table;
    this.store = store;
    this.available = List.copyOf(available);
  }

  /** The table that was asked for. */
  public String table() {
    return table;
  }

  /** The store that was searched, as described in messages. */
  public String store() {
    return store;
  }

  /** The tables the project does hold, from its manifest. */
  public List<String> available() {
    return available;
  }
}
