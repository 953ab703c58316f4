package io.datom.core.exceptions;

/**
 * Creating a project was refused because its store namespace (root plus prefix) already holds a datom project's
 * {@code .metadata/manifest.json}. Nothing was written.
 */
public class NamespaceOccupiedException extends DatomException {
  private static final long serialVersionUID = 1L;
  private final String location;
  private final String existingProject;

  public NamespaceOccupiedException(String location, String existingProject) {
    super("Store namespace is already occupied by project \"" + existingProject + "\". Location: " + location
        + ". Each datom project must use a unique store namespace (root + prefix). Use a different prefix or root,"
        + " or force the creation to take the namespace over.");
    this.location = location;
    this.existingProject = existingProject;
  }

  /** The same refusal in the words of another operation, e.g. copying a project into that namespace. */
  public NamespaceOccupiedException(String location, String existingProject, String message) {
    super(message);
    this.location = location;
    this.existingProject = existingProject;
  }

  /** The occupied namespace, e.g. {@code s3://bucket/trial/datom/}. */
  public String location() {
    return location;
  }

  /** The {@code project_name} of the manifest found there, or {@code <unreadable>}. */
  public String existingProject() {
    return existingProject;
  }
}
