package io.datom.core;

import io.datom.core.exceptions.NamespaceOccupiedException;
import io.datom.core.exceptions.ProjectAlreadyExistsException;
import io.datom.core.exceptions.ProjectNotFoundException;
import io.datom.core.hash.TableHash;
import java.util.List;

/**
 * Writes table versions into one datom project, the way R's {@code datom_write} does, safely alongside any number of
 * other writers (format §6 with §14.3; see the package documentation for the protocol).
 *
 * <p>A writer has a clone of the project's data repository to itself from {@link #open} to {@link #close()}. Clones
 * are kept between writers, under {@link WriterOptions#workDir()} in {@code datom-clones/}, and hold only the latest
 * commit (depth 1), so that opening a writer fetches what changed since the last one rather than the whole history:
 * the writer takes a free kept clone of the remote (one per writer open at the same time, in this process or another
 * on the machine, each held with an OS file lock), brings it to exactly the remote's latest commit (fetch, hard
 * reset, untracked files removed, whatever a killed writer left in it), or clones when none is free; {@link #close()}
 * returns it. A kept clone nobody uses for {@link WriterOptions#cloneMaxIdle()} is deleted by a later writer. Writes
 * through one writer run one at a time; use one writer per thread or process for parallel writes.
 *
 * <p>After a write, the writer repacks its clone when needed and, if the remote is a local ({@code file://})
 * repository, merges or repacks the remote's packs, so that neither slows down as versions accumulate. See
 * docs/writing-core.md, "Kept clones".
 *
 * <pre>{@code
 * try (DatomWriter writer = DatomWriter.open(WriterOptions.builder(remoteUrl, store).build())) {
 *   WriteResult result = writer.newWrite("dm", hash, new LocalParquetFile(file))
 *       .message("DM cut 2")
 *       .commit();
 * }
 * }</pre>
 */
public final class DatomWriter implements AutoCloseable {

  private final ProjectCheckout checkout;
  private final WriteProtocol protocol;

  private DatomWriter(ProjectCheckout checkout, WriterOptions options) {
    this.checkout = checkout;
    this.protocol = new WriteProtocol(checkout, options);
  }

  /**
   * Opens an existing project: takes a kept clone of its data repository and fetches into it (or clones it), checks
   * that the store is the one its {@code .datom/project.yaml} names, and brings the store level with git (a creator or
   * writer that died between its push and its mirror left it behind).
   *
   * @throws ProjectNotFoundException if the remote has no commits
   * @throws io.datom.core.exceptions.NotADatomRepositoryException if the remote is not a datom project
   * @throws io.datom.core.exceptions.StoreMismatchException if the store is not the project's
   * @throws io.datom.core.exceptions.ProjectNotInStoreException if the store holds no project manifest while git holds
   *     tables (a lost or wrong store; an interrupted creation, with no tables yet, is completed instead)
   * @throws io.datom.core.exceptions.DataRepoException if the remote cannot be cloned or fetched
   * @throws io.datom.core.exceptions.CloneCacheException if the work directory cannot hold the clone
   * @throws io.datom.core.exceptions.StoreException if the store cannot be reached
   */
  public static DatomWriter open(WriterOptions options) {
    ProjectCheckout checkout = ProjectCheckout.clone(options);
    try {
      // The store is the one project.yaml names (checked by the clone). Without a manifest and without tables in git,
      // the project's creator died between its push and its mirror: catching up writes the manifest, as for any
      // other lag. With tables, the store itself is lost or wrong (its objects too): refuse rather than recreate.
      if (!checkout.tables().isEmpty()) {
        checkout.requireProjectInStore();
      }
      return caughtUp(checkout, options);
    } catch (RuntimeException e) {
      checkout.close();
      throw e;
    }
  }

  /**
   * A writer over {@code checkout}, once the store mirror is level with the clone's commit: a writer that died between
   * its push and its mirror left some tables behind, and an engine reads the base of an append from the store.
   */
  private static DatomWriter caughtUp(ProjectCheckout checkout, WriterOptions options) {
    String head = checkout.repo().headSha().orElseThrow();
    new StoreMirror(checkout).catchUp(List.of(), head, "project '" + checkout.projectName() + "'");
    return new DatomWriter(checkout, options);
  }

  /**
   * Creates a project exactly as R's {@code datom_init_repo}: {@code .datom/project.yaml}, {@code .datom/manifest.json},
   * {@code .gitignore} and {@code README.md} committed as "Initialize datom repository" and pushed to the empty remote,
   * then the manifest mirrored to the store. Returns a writer for it.
   *
   * @throws io.datom.core.exceptions.InvalidNameException if the project name is invalid
   * @throws io.datom.core.exceptions.NamespaceOccupiedException if the store namespace already holds a project
   * @throws ProjectAlreadyExistsException if the remote already has commits
   */
  public static DatomWriter create(WriterOptions options, NewProject project) {
    return new DatomWriter(ProjectCreation.create(options, project), options);
  }

  /**
   * Makes the checks {@link #create} makes before writing anything, without creating: an engine that does expensive
   * work before creating a project (writing and hashing the first table) calls it first, so that a project it could
   * not create is refused before that work.
   *
   * @throws io.datom.core.exceptions.InvalidNameException if the project name is invalid
   * @throws io.datom.core.exceptions.NamespaceOccupiedException if the store namespace already holds a project
   */
  public static void checkCreatable(WriterOptions options, NewProject project) {
    ProjectCreation.requireCreatable(options, project);
  }

  /**
   * Opens the project at the remote, or creates it when the remote is empty. When another process creates it at the
   * same moment, the project it created is opened.
   */
  public static DatomWriter openOrCreate(WriterOptions options, NewProject project) {
    try {
      return open(options);
    } catch (ProjectNotFoundException empty) {
      return createOrOpen(options, project);
    }
  }

  /**
   * Creates a project at a remote found empty, as {@link #create} does; when another writer created one there in the
   * meantime, opens that one instead (check its {@link #projectName()}). Another writer's creation shows either as a
   * remote that now has commits or as a store namespace that now holds that project's manifest; until its creator has
   * mirrored the manifest, the store lacks it, so this writer mirrors it from git itself if it has to: writers that
   * race to create a project all end with the one project, complete in the store.
   *
   * @throws io.datom.core.exceptions.InvalidNameException if the project name is invalid
   * @throws NamespaceOccupiedException if the store namespace holds a project other than the one now at the remote
   */
  public static DatomWriter createOrOpen(WriterOptions options, NewProject project) {
    try {
      return create(options, project);
    } catch (ProjectAlreadyExistsException | NamespaceOccupiedException createdMeanwhile) {
      return openCreatedMeanwhile(options, createdMeanwhile);
    }
  }

  /**
   * The project another writer created at the remote; {@code refusal} again when the remote is still empty, or when the
   * store's manifest names another project (the namespace was occupied before, not by this race).
   */
  private static DatomWriter openCreatedMeanwhile(WriterOptions options, RuntimeException refusal) {
    ProjectCheckout checkout;
    try {
      checkout = ProjectCheckout.clone(options);
    } catch (ProjectNotFoundException stillEmpty) {
      throw refusal;
    }
    try {
      if (refusal instanceof NamespaceOccupiedException occupied
          && !occupied.existingProject().equals(checkout.projectName())) {
        throw refusal;
      }
      return caughtUp(checkout, options);
    } catch (RuntimeException e) {
      checkout.close();
      throw e;
    }
  }

  /** The writer's checkout, for tests. */
  ProjectCheckout checkout() {
    return checkout;
  }

  /** The project's name, from its {@code project.yaml}. */
  public String projectName() {
    return checkout.projectName();
  }

  /**
   * Starts a write of one version of {@code table}, pending until its {@link TableWrite#commit()}.
   *
   * @param table the table name (checked against format §10 when committed)
   * @param hash  the table's datom-cv1 identity, computed over exactly the rows in {@code data}, in their order
   * @param data  the parquet object, placed in the store if the version needs it
   */
  public TableWrite newWrite(String table, TableHash hash, ParquetObject data) {
    return new TableWrite(this, table, hash, data);
  }

  /**
   * Writes one version of one table: nothing if the table's current version already has this content and metadata
   * ({@link WriteAction#NONE}), else a new version, committed, pushed and mirrored to the store.
   *
   * @throws io.datom.core.exceptions.InvalidNameException if the table name is invalid (R's messages)
   * @throws io.datom.core.exceptions.InvalidMetadataException if column names or custom metadata are unusable
   * @throws io.datom.core.exceptions.InvalidLineageException if a parent is malformed
   * @throws io.datom.core.exceptions.MalformedJsonException if a file of the table in git is not valid JSON
   * @throws io.datom.core.exceptions.ConcurrentWriteException if every push attempt was rejected
   * @throws io.datom.core.exceptions.MirrorIncompleteException if the version was committed but the store mirror
   *     could not catch up with other writers
   * @throws io.datom.core.exceptions.StoreException if the store cannot be read or written
   * @throws io.datom.core.exceptions.DataRepoException if git fails for another reason than a concurrent push
   */
  synchronized WriteResult write(WriteRequest request) {
    WriteResult result = protocol.write(request);
    checkout.upkeep();
    return result;
  }

  /** Returns the writer's clone to the kept clones, for the next writer. Later calls do nothing. */
  @Override
  public synchronized void close() {
    checkout.close();
  }
}
