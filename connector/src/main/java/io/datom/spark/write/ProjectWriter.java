package io.datom.spark.write;

import io.datom.core.DatomWriter;
import io.datom.core.GitRemotes;
import io.datom.core.NewProject;
import io.datom.core.ParquetObject;
import io.datom.core.TableWrite;
import io.datom.core.WriterOptions;
import io.datom.core.exceptions.NamespaceOccupiedException;
import io.datom.core.exceptions.ProjectNotFoundException;
import io.datom.core.exceptions.ProjectNotInStoreException;
import io.datom.core.hash.TableHash;
import io.datom.spark.exceptions.InvalidOptionsException;
import io.datom.spark.options.DatomWriteOptions;
import java.util.Optional;

/**
 * The project a Spark write goes to. An existing project is opened before any job runs, so that a wrong remote,
 * token, store or project name fails fast. An empty remote means a new project, created as R's
 * {@code datom_init_repo} would, but only once the data has been written and hashed: a refused write creates nothing.
 *
 * <p>Writers that race to create one project all succeed: whoever finds the project created by another one meanwhile
 * (its store namespace occupied, or its manifest not yet mirrored) opens that project instead (see
 * {@link CreationRace}), provided it is the project the write names.
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
   * @throws NamespaceOccupiedException if the remote is empty but the store holds another project
   */
  static ProjectWriter connect(WriterOptions options, Optional<String> project) {
    try {
      return opened(DatomWriter.open(options), project, options);
    } catch (ProjectNotFoundException empty) {
      String name = project.orElseThrow(() -> new InvalidOptionsException("The git remote " + empty.remote()
          + " has no datom project yet. To create one there with this write, name it with option '"
          + DatomWriteOptions.PROJECT + "', e.g. .option(\"project\", \"STUDY_001\").", DatomWriteOptions.PROJECT));
      return toCreate(options, NewProject.named(name));
    } catch (ProjectNotInStoreException notMirrored) {
      // The project's creator has pushed it but not (yet) mirrored its manifest: it is still at work, or died there.
      // A write that names the project finishes that creation, as core's createOrOpen does for a lost race.
      String name = project.orElseThrow(() -> notMirrored);
      return opened(DatomWriter.createOrOpen(options, NewProject.named(name)), project, options);
    }
  }

  /** Prepares to create the project; if another writer created it since the remote was found empty, opens it. */
  private static ProjectWriter toCreate(WriterOptions options, NewProject project) {
    try {
      DatomWriter.checkCreatable(options, project);
      return new ProjectWriter(options, null, project);
    } catch (NamespaceOccupiedException occupied) {
      return opened(CreationRace.openWinner(options, occupied), Optional.of(project.name()), options);
    }
  }

  private static ProjectWriter opened(DatomWriter writer, Optional<String> project, WriterOptions options) {
    return new ProjectWriter(options, requireNamed(writer, project, options), null);
  }

  /** {@code writer}, if its project is the one named by option {@code project} (when given); closes it if not. */
  private static DatomWriter requireNamed(DatomWriter writer, Optional<String> project, WriterOptions options) {
    if (project.isPresent() && !project.get().equals(writer.projectName())) {
      String actual = writer.projectName();
      writer.close();
      throw new InvalidOptionsException("Option '" + DatomWriteOptions.PROJECT + "' is " + project.get() + ", but the "
          + "repository " + GitRemotes.redact(options.remoteUrl()) + " holds project " + actual + ". Check the repo "
          + "and store, or drop the option to write into " + actual + ".", DatomWriteOptions.PROJECT,
          DatomWriteOptions.REPO);
    }
    return writer;
  }

  /** Whether the project exists yet: false until the first write of a project found absent creates it. */
  boolean exists() {
    return writer != null;
  }

  /** Starts the write of a version, creating the project first if the remote was empty. */
  TableWrite newWrite(String table, TableHash hash, ParquetObject data) {
    if (writer == null) {
      writer = createOrOpen();
    }
    return writer.newWrite(table, hash, data);
  }

  /** Creates the project (core's create-or-open); if another writer created it meanwhile, it must be this one. */
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
