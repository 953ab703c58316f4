package io.datom.core.exceptions;

import java.util.Optional;

/**
 * A write computed from one version of a table (an append adds rows to the current version) found, when it came to
 * commit, that another writer had made a different version current in the meantime. Landing it would silently drop
 * that writer's version from the table's current state, so nothing was recorded; re-running the write builds on the
 * new current version.
 */
public class TableChangedException extends DatomException {
  private static final long serialVersionUID = 1L;
  private final String table;
  private final String basedOn;
  private final String current;

  /**
   * @param basedOn the version the write was computed from, or empty if it was computed for a new table
   * @param current the table's current version at commit time, or empty if it has none
   */
  public TableChangedException(String table, Optional<String> basedOn, Optional<String> current) {
    super("Table '" + table + "' changed while this write was being prepared: it was computed from "
        + basedOn.map(v -> "version " + v).orElse("a table with no versions") + ", but the current version is now "
        + current.orElse("none") + " (another writer committed it). Nothing was recorded; re-run the write so that"
        + " it builds on the current version.");
    this.table = table;
    this.basedOn = basedOn.orElse(null);
    this.current = current.orElse(null);
  }

  /** The table that was being written. */
  public String table() {
    return table;
  }

  /** The version the write was computed from; empty if it was computed for a new table. */
  public Optional<String> basedOn() {
    return Optional.ofNullable(basedOn);
  }

  /** The table's current version when the write tried to commit; empty if it had none. */
  public Optional<String> current() {
    return Optional.ofNullable(current);
  }
}
