package io.datom.spark.write;

import io.datom.core.exceptions.ProjectNotFoundException;
import io.datom.core.repo.DataRepo;
import io.datom.core.write.DatomWriter;
import io.datom.core.write.NewProject;
import io.datom.core.write.WriteRequest;
import io.datom.core.write.WriteResult;
import io.datom.core.write.WriterOptions;
import io.datom.spark.DatomWriteOptions;
import io.datom.spark.InvalidOptionsException;
import java.util.Optional;

/**
 * The project a Spark write goes to. An existing project is opened before any job runs, so that a wrong remote,
 * token, store or project name fails fast. An empty remote means a new project, created as R's
 * {@code datom_init_repo} would, but only once the data has been written and hashed: a refused write creates nothing.
 */
final class ProjectWriter implements AutoCloseable {

  private final WriterOptions options;
  private final NewProject toCreate;
  private DatomWriter writer;

  private ProjectWriter(WriterOptions options, DatomWriter writer, NewProject toCreate) {
    this.options = options;
    this.writer = writer;
    this.toCreate = toCreate;
  }

  /**
   * Opens the project at {@code options}' remote, or prepares to create it as {@code project} when the remote is
   * empty.
   *
   * @throws InvalidOptionsException if the remote is empty and no project name was given, or if the existing project
   *     has another name than the one given
   * @throws io.datom.core.exceptions.NamespaceOccupiedException if the remote is empty but the store holds a project
   */
  static ProjectWriter connect(WriterOptions options, Optional<String> project) {
    DatomWriter existing;
    try {
      existing = DatomWriter.open(options);
    } catch (ProjectNotFoundException empty) {
      String name = project.orElseThrow(() -> new InvalidOptionsException("The git remote " + empty.remote()
          + " has no datom project yet. To create one there with this write, name it with option '"
          + DatomWriteOptions.PROJECT + "', e.g. .option(\"project\", \"STUDY_001\").", DatomWriteOptions.PROJECT));
      NewProject toCreate = NewProject.named(name);
      DatomWriter.checkCreatable(options, toCreate);
      return new ProjectWriter(options, null, toCreate);
    }
    return new ProjectWriter(options, requireNamed(existing, project, options), null);
  }

  /** {@code writer}, if its project is the one named by option {@code project} (when given); closes it if not. */
  private static DatomWriter requireNamed(DatomWriter writer, Optional<String> project, WriterOptions options) {
    if (project.isPresent() && !project.get().equals(writer.projectName())) {
      String actual = writer.projectName();
      writer.close();
      throw new InvalidOptionsException("Option '" + DatomWriteOptions.PROJECT + "' is " + project.get() + ", but the "
          + "repository " + DataRepo.redactUrl(options.remoteUrl()) + " holds project " + actual + ". Check the repo "
          + "and store, or drop the option to write into " + actual + ".", DatomWriteOptions.PROJECT,
          DatomWriteOptions.REPO);
    }
    return writer;
  }

  /** Writes the version, creating the project first if the remote was empty. */
  WriteResult write(WriteRequest request) {
    if (writer == null) {
      writer = createOrOpen();
    }
    return writer.write(request);
  }

  /** Creates the project; if another writer created one meanwhile, it must be the one this write names. */
  private DatomWriter createOrOpen() {
    return requireNamed(DatomWriter.createOrOpen(options, toCreate), Optional.of(toCreate.name()), options);
  }

  @Override
  public void close() {
    if (writer != null) {
      writer.close();
    }
  }
}
