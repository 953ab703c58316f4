package io.datom.spark.datoms;

import io.datom.core.exceptions.DatomException;

/** A history range whose first version comes after its last one in the table's history. */
public final class VersionRangeException extends DatomException {
  private static final long serialVersionUID = 1L;
  private final String table;
  private final String from;
  private final String to;

  VersionRangeException(String table, String from, String to) {
    super("Version " + from + " of " + table + " is newer than version " + to + ", so there is no history from the "
        + "one to the other. Give the older version first, or compare any two versions with Datoms.between.");
    this.table = table;
    this.from = from;
    this.to = to;
  }

  /** The table. */
  public String table() {
    return table;
  }

  /** The range's first version, as given. */
  public String from() {
    return from;
  }

  /** The range's last version, as given. */
  public String to() {
    return to;
  }
}
