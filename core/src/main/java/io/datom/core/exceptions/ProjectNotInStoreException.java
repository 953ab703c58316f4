package io.datom.core.exceptions;

/**
 * A project's data store holds no {@code .metadata/manifest.json}: either the store given is not the project's (a
 * wrong or missing root or prefix), or the project's creation was interrupted before its manifest was mirrored.
 * Nothing was written.
 */
public class ProjectNotInStoreException extends DatomException {
  private static final long serialVersionUID = 1L;
  private final String project;
  private final String store;

  public ProjectNotInStoreException(String project, String store) {
    super("The data store " + store + " holds no datom project: .metadata/manifest.json is missing. Check that the"
        + " store exists and is the one project '" + project + "' uses. If it is (creating the project was"
        + " interrupted, or the file was removed), mirror the manifest from git: in Spark SQL"
        + " SELECT * FROM datom_validate('<store>', '<repo>', true), in Java"
        + " DatomProjects.validate(spark, \"<store>\", \"<repo>\", true), or core's ProjectValidator.validate(options,"
        + " true).");
    this.project = project;
    this.store = store;
  }

  /** The project being opened. */
  public String project() {
    return project;
  }

  /** The store, as described in messages. */
  public String store() {
    return store;
  }
}
