package io.datom.core.exceptions;

/** A parent reference names a table version whose snapshot the project's store does not hold. */
public class ParentNotFoundException extends DatomException {
  private static final long serialVersionUID = 1L;
  private final String table;
  private final String version;
  private final String project;

  public ParentNotFoundException(String table, String version, String project) {
    // The first sentence is R's datom_parent message.
    super("Parent " + table + "@" + version + " not found in project " + project + ". A parent needs the full "
        + "64-character version (metadata_sha) of a version that was written to this project.");
    this.table = table;
    this.version = version;
    this.project = project;
  }

  /** The parent table. */
  public String table() {
    return table;
  }

  /** The version that was asked for. */
  public String version() {
    return version;
  }

  /** The project searched. */
  public String project() {
    return project;
  }
}
