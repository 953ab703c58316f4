package io.datom.core.exceptions;

import java.nio.file.Path;

/**
 * The writers' cache of data repository clones (under {@code WriterOptions.workDir}) cannot be used: a folder cannot
 * be created or deleted, or a slot's lock file cannot be locked. Nothing was written to the project.
 */
public class CloneCacheException extends DataRepoException {
  private static final long serialVersionUID = 1L;

  private final String directory;

  public CloneCacheException(Path directory, String problem, Throwable cause) {
    super("The cache of git clones in " + directory + " cannot be used: " + problem + ". Point WriterOptions.workDir"
        + " at a writable local directory.", cause);
    this.directory = directory.toString();
  }

  /** The folder at fault. */
  public String directory() {
    return directory;
  }
}
