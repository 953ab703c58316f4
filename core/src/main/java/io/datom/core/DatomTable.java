package io.datom.core;

import io.datom.core.exceptions.InvalidDatomFileException;
import io.datom.core.exceptions.ParentNotFoundException;
import io.datom.core.exceptions.TableNotFoundException;
import io.datom.core.exceptions.VersionHistoryNotFoundException;
import io.datom.core.exceptions.VersionNotFoundException;
import io.datom.core.internal.format.ParentEntry;
import io.datom.core.internal.format.ProjectLayout;
import io.datom.core.internal.format.Shas;
import io.datom.core.internal.format.TableMetadata;
import io.datom.core.internal.format.VersionHistory;
import io.datom.core.store.Store;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * One table of a {@link DatomProject}, read from the store only. Immutable; every method reads the store afresh, so
 * results reflect the store at the time of the call.
 *
 * <p>Resolving a version costs a constant number of store reads, whatever the history's length: the history alone
 * for a version or an instant, the current metadata plus the history for the current version.
 */
public final class DatomTable {

  private final DatomProject project;
  private final String name;

  DatomTable(DatomProject project, String name) {
    this.project = project;
    this.name = name;
  }

  /** The table name. */
  public String name() {
    return name;
  }

  /** The project the table belongs to. */
  public DatomProject project() {
    return project;
  }

  /**
   * The table's version history, newest first (R's {@code datom_history}). One store read.
   *
   * @throws TableNotFoundException when the project has no such table
   * @throws VersionHistoryNotFoundException when the table's history is missing or empty
   */
  public TableHistory history() {
    return TableHistory.of(versionHistory());
  }

  /** The history as core reads it; see {@link #history()}. */
  VersionHistory versionHistory() {
    Optional<VersionHistory> history = readHistory();
    if (history.isEmpty() || history.get().isEmpty()) {
      throw missingHistory();
    }
    return history.get();
  }

  /**
   * Resolves a version (format §7 steps 1–4, §14.4): the current one, a full {@code metadata_sha} or unique prefix,
   * or the newest version at or before an instant.
   *
   * @throws TableNotFoundException when the project has no such table
   * @throws io.datom.core.exceptions.NotADatomStoreException when the store holds no project at all
   * @throws VersionHistoryNotFoundException when the table's history is missing or empty
   * @throws VersionNotFoundException when no version matches (R's message)
   * @throws io.datom.core.exceptions.AmbiguousVersionException when a prefix matches several versions (R's message)
   * @throws io.datom.core.exceptions.NoVersionAsOfException when the instant precedes the first version
   * @throws io.datom.core.exceptions.InvalidShaException when the resolved {@code data_sha} is not 6–64 lowercase hex
   */
  public Snapshot snapshot(VersionSpec spec) {
    if (spec instanceof VersionSpec.ByVersion byVersion) {
      return VersionResolver.byPrefix(name, versionHistory(), byVersion.prefix(), source());
    }
    if (spec instanceof VersionSpec.AsOf asOf) {
      return VersionResolver.asOf(name, versionHistory(), asOf.instant(), source());
    }
    return currentSnapshot();
  }

  /** Whether the table has a current version: its {@code metadata.json} is in the store. One store request. */
  public boolean exists() {
    return store().exists(ProjectLayout.storeMetadata(name));
  }

  /**
   * The metadata snapshot of an exact version, {@code {table}/.metadata/{version}.json}: {@code nrow}, {@code ncol},
   * {@code colnames}, lineage and custom metadata as that version recorded them. One store read.
   *
   * @param version the full {@code metadata_sha}
   * @throws io.datom.core.exceptions.InvalidShaException when {@code version} is not 6–64 lowercase hex
   * @throws VersionNotFoundException when the store holds no snapshot for it
   */
  public VersionMetadata metadata(String version) {
    return VersionMetadata.of(tableMetadata(version));
  }

  /** The metadata snapshot of an exact version as core reads it; see {@link #metadata(String)}. */
  TableMetadata tableMetadata(String version) {
    String key = ProjectLayout.storeSnapshot(name, Shas.requireShaArgument(version, "version"));
    return readMetadata(key).orElseThrow(() -> new VersionNotFoundException(name, version));
  }

  /**
   * A parent reference to one exact version of this table, as R's {@code datom_parent} builds it from the version's
   * snapshot: project name, table, version, {@code data_sha} and the snapshot's {@code source_lineage}. Two store
   * reads (the manifest, for the project name, and the snapshot).
   *
   * @param version the full {@code metadata_sha}
   * @throws ParentNotFoundException when the store holds no snapshot for that version
   * @throws InvalidDatomFileException when the snapshot has no {@code data_sha}
   */
  public Parent parent(String version) {
    String projectName = project.name();
    String key = ProjectLayout.storeSnapshot(name, Shas.requireShaArgument(version, "version"));
    TableMetadata snapshot =
        readMetadata(key).orElseThrow(() -> new ParentNotFoundException(name, version, projectName));
    return Parent.of(ParentEntry.fromSnapshot(projectName, name, version, snapshot, key));
  }

  private Snapshot currentSnapshot() {
    TableMetadata current = readMetadata(ProjectLayout.storeMetadata(name)).orElseThrow(this::notFound);
    VersionHistory history = versionHistory();
    return VersionResolver.current(name, current, history, source());
  }

  private Optional<VersionHistory> readHistory() {
    String key = ProjectLayout.storeHistory(name);
    return store().read(key).map(bytes -> VersionHistory.parse(text(bytes), source() + " " + key));
  }

  private Optional<TableMetadata> readMetadata(String key) {
    return store().read(key).map(bytes -> TableMetadata.parse(text(bytes), source() + " " + key));
  }

  // A history can be missing because the table is (then say which tables exist) or because a mirror is incomplete.
  private RuntimeException missingHistory() {
    if (!store().exists(ProjectLayout.storeMetadata(name))) {
      return notFound();
    }
    return new VersionHistoryNotFoundException(name, source());
  }

  private RuntimeException notFound() {
    return new TableNotFoundException(name, source(), project.tableNames());
  }

  private Store store() {
    return project.store();
  }

  private String source() {
    return store().describe();
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
