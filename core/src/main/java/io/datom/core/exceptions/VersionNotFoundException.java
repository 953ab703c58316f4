package io.datom.core.exceptions;

/** No version of a table matches the version (a {@code metadata_sha} or a prefix of one) that was asked for. */
public class VersionNotFoundException extends DatomException {
  private static final long serialVersionUID = 1L;
  private final String table;
  private final String version;

  public VersionNotFoundException(String table, String version) {
    // The first sentence is R's datom_read message, word for word.
    super("Version " + version + " not found in history for " + table + ". Read the table's history to list its "
        + "versions.");
    this.table = table;
    this.version = version;
  }

  /** The table whose history was searched. */
  public String table() {
    return table;
  }

  /** The version or prefix that was asked for. */
  public String version() {
    return version;
  }
}
