package io.datom.spark.sync;

/**
 * A landing folder that cannot be synced: missing, not a directory, or not flat (R's sync refuses a folder with a
 * subdirectory). Nothing was written.
 */
public final class InvalidLandingFolderException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String folder;

  public InvalidLandingFolderException(String folder, String message) {
    super(message);
    this.folder = folder;
  }

  /** The landing folder, as given. */
  public String folder() {
    return folder;
  }
}
