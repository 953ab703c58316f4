package io.datom.core;

import io.datom.core.exceptions.InvalidDatomFileException;
import io.datom.core.exceptions.NotADatomStoreException;
import io.datom.core.internal.format.Manifest;
import io.datom.core.internal.format.Names;
import io.datom.core.internal.format.ProjectLayout;
import io.datom.core.store.Store;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A datom project as a reader sees it: only its store, never git (format §7). Immutable and cheap: opening does no
 * I/O, and each method reads what it needs when called.
 *
 * <pre>{@code
 * DatomProject project = DatomProject.open(store);
 * Snapshot v = project.table("dm").snapshot(VersionSpec.version("939d60"));
 * }</pre>
 */
public final class DatomProject {

  private final Store store;

  private DatomProject(Store store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /** The project whose store is {@code store} (its root plus prefix). */
  public static DatomProject open(Store store) {
    return new DatomProject(store);
  }

  /** The project's store. */
  public Store store() {
    return store;
  }

  /**
   * The store's manifest, {@code .metadata/manifest.json}. One store read.
   *
   * @throws NotADatomStoreException when the store holds no manifest
   */
  Manifest manifest() {
    byte[] bytes = store.read(ProjectLayout.STORE_MANIFEST).orElseThrow(() -> new NotADatomStoreException(store.describe()));
    return Manifest.parse(new String(bytes, StandardCharsets.UTF_8), manifestSource());
  }

  /**
   * The project's name, from its manifest. One store read.
   *
   * @throws InvalidDatomFileException when the manifest has no {@code project_name}
   */
  public String name() {
    return manifest().projectName().filter(n -> !n.isEmpty())
        .orElseThrow(() -> new InvalidDatomFileException(manifestSource(), "The manifest " + manifestSource()
            + " has no project_name. Re-mirror it from the project's git repository (validate with fix = true)."));
  }

  /** The project's tables, in manifest order (R's {@code datom_list}). One store read. */
  public List<String> tableNames() {
    return manifest().tableNames();
  }

  /**
   * The manifest's entry of each table, in manifest order: what a sync compares a landing folder with (format §8).
   * One store read.
   *
   * @throws NotADatomStoreException when the store holds no manifest
   */
  public List<ManifestTable> manifestTables() {
    Manifest manifest = manifest();
    return manifest.tableNames().stream().map(name -> manifest.table(name).map(entry -> new ManifestTable(name,
        entry.currentVersion(), entry.currentDataSha(), entry.originalFileSha(), entry.originalFormat()))
        .orElseGet(() -> new ManifestTable(name, Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty()))).toList();
  }

  /**
   * A table of this project. Validates the name (format §10) but does no I/O: a missing table is reported when it
   * is read.
   *
   * @throws io.datom.core.exceptions.InvalidNameException when the name is not a valid table name
   */
  public DatomTable table(String name) {
    return new DatomTable(this, Names.requireValid(name));
  }

  private String manifestSource() {
    return store.describe() + " " + ProjectLayout.STORE_MANIFEST;
  }
}
