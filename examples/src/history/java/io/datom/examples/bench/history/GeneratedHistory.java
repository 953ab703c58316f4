package io.datom.examples.bench.history;

import io.datom.core.hash.ColumnSpec;
import io.datom.core.hash.Sha256;
import io.datom.core.hash.TableHash;
import io.datom.core.internal.format.Author;
import io.datom.core.internal.format.HistoryEntry;
import io.datom.core.internal.format.Manifest;
import io.datom.core.internal.format.ManifestEntry;
import io.datom.core.internal.format.ProjectLayout;
import io.datom.core.internal.format.RTimestamps;
import io.datom.core.internal.format.TableMetadata;
import io.datom.core.internal.format.VersionHistory;
import io.datom.core.store.Store;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.internal.storage.file.FileRepository;
import org.eclipse.jgit.internal.storage.file.GC;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.pack.PackConfig;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Gives a freshly created project a long history in seconds rather than hours: the commits writers would have made,
 * one table version each, made directly in the bare remote with JGit (no clone, no push), with the project's own
 * format classes writing {@code metadata.json}, {@code version_history.json} and the manifest; and the matching store
 * mirror (every version's snapshot and object, the current metadata, histories and manifest). The remote is then
 * repacked with deltas, as a git host keeps it.
 *
 * <p>The parquet objects are stand-ins of a few bytes (core never parses them; their {@code parquet_sha} is real).
 */
final class GeneratedHistory {

  private static final List<ColumnSpec> COLUMNS =
      List.of(ColumnSpec.of("USUBJID", "string"), ColumnSpec.of("VISIT", "int"), ColumnSpec.of("AVAL", "double"));
  private static final Author AUTHOR = new Author("History Generator", "generator@example.org");

  private final FileRepository repo;
  private final Store store;
  private final Path storeNamespace;
  /** The root tree's entries; folder names end in {@code /}, which is also how git orders them. */
  private final Map<String, ObjectId> rootEntries = new TreeMap<>();
  private final Map<String, ObjectId> datomEntries = new TreeMap<>();
  private final Map<String, TableMetadata> current = new HashMap<>();
  private final Map<String, VersionHistory> histories = new HashMap<>();
  private Manifest manifest;
  private ObjectId head;
  private Instant clock = Instant.parse("2020-01-01T00:00:00Z");

  private GeneratedHistory(FileRepository repo, Store store, Path storeNamespace) {
    this.repo = repo;
    this.store = store;
    this.storeNamespace = storeNamespace;
  }

  /**
   * Adds {@code versions.get(table)} versions to each table, one version per table in turn, to the project in the
   * bare repository {@code gitDir} (which holds just its creation commit) and to its local store.
   *
   * @param storeNamespace the store's {@code {root}/datom} folder, where the stand-in objects are written directly
   */
  static void generate(Path gitDir, Store store, Path storeNamespace, Map<String, Integer> versions)
      throws IOException {
    try (FileRepository repo = new FileRepository(gitDir.toFile())) {
      GeneratedHistory history = new GeneratedHistory(repo, store, storeNamespace);
      history.readCreation();
      history.commitAll(versions);
      history.mirror();
      repack(repo);
    }
  }

  private void readCreation() throws IOException {
    head = repo.resolve(Constants.R_HEADS + "master");
    try (RevWalk walk = new RevWalk(repo)) {
      RevCommit creation = walk.parseCommit(head);
      try (TreeWalk tree = new TreeWalk(repo)) {
        tree.addTree(creation.getTree());
        while (tree.next()) {
          rootEntries.put(tree.getNameString() + (tree.isSubtree() ? "/" : ""), tree.getObjectId(0));
        }
      }
      try (TreeWalk datom = TreeWalk.forPath(repo, ".datom", creation.getTree())) {
        datom.enterSubtree();
        while (datom.next()) {
          datomEntries.put(datom.getNameString(), datom.getObjectId(0));
        }
      }
    }
    byte[] creationManifest = repo.open(datomEntries.get("manifest.json")).getBytes();
    manifest = Manifest.parse(new String(creationManifest, StandardCharsets.UTF_8), "the creation commit");
  }

  private void commitAll(Map<String, Integer> versions) throws IOException {
    Map<String, Integer> remaining = new LinkedHashMap<>(versions);
    Map<String, Integer> made = new HashMap<>();
    try (ObjectInserter inserter = repo.getObjectDatabase().newPackInserter()) {
      while (!remaining.isEmpty()) {
        for (String table : List.copyOf(remaining.keySet())) {
          commitVersion(inserter, table, made.merge(table, 1, Integer::sum));
          if (remaining.merge(table, -1, Integer::sum) == 0) {
            remaining.remove(table);
          }
        }
      }
      inserter.flush();
    }
    RefUpdate update = repo.updateRef(Constants.R_HEADS + "master");
    update.setNewObjectId(head);
    RefUpdate.Result result = update.update();
    if (result != RefUpdate.Result.FAST_FORWARD) {
      throw new IOException("Could not move master to the generated history: " + result);
    }
  }

  /** One write's commit: the table's new version, its history with the entry first, and the manifest. */
  private void commitVersion(ObjectInserter inserter, String table, int index) throws IOException {
    clock = clock.plus(Duration.ofHours(1));
    String now = RTimestamps.utc(clock);
    List<List<?>> rows = List.of(
        List.of(table + "-" + index, index, index * 0.5),
        List.of("S2", index + 1, 1.25),
        List.of("S3", index + 2, 2.5));
    TableHash hash = TableHash.ofRows(COLUMNS, rows);
    byte[] object = ("PAR1 " + table + " " + index + " PAR1").getBytes(StandardCharsets.UTF_8);
    String parquetSha = Sha256.hex(object);
    Path objectFile = storeNamespace.resolve(ProjectLayout.dataObject(table, hash.dataSha()));
    Files.createDirectories(objectFile.getParent());
    Files.write(objectFile, object);

    TableMetadata metadata = TableMetadata.builder()
        .dataSha(hash.dataSha()).parquetSha(parquetSha).tableType(TableMetadata.DERIVED).nrow(hash.nrow())
        .colnames(hash.colnames()).columnHashes(hash.columnHashes()).createdAt(now).datomVersion("0.1.1")
        .sizeBytes(object.length).build();
    String message = "Update " + table;
    VersionHistory history = histories.getOrDefault(table, VersionHistory.empty())
        .prepend(HistoryEntry.of(metadata.version(), hash.dataSha(), now, AUTHOR, message, parquetSha, null));
    manifest = manifest.withTable(table,
        ManifestEntry.of(metadata.version(), hash.dataSha(), now, object.length, history.size(), null, null), now);
    current.put(table, metadata);
    histories.put(table, history);
    store.writeJson(ProjectLayout.storeSnapshot(table, metadata.version()), metadata.toJson());

    TreeFormatter tableTree = new TreeFormatter();
    tableTree.append("metadata.json", FileMode.REGULAR_FILE, blob(inserter, metadata.toGitFile()));
    tableTree.append("version_history.json", FileMode.REGULAR_FILE, blob(inserter, history.toGitFile()));
    rootEntries.put(table + "/", inserter.insert(tableTree));
    datomEntries.put("manifest.json", blob(inserter, manifest.toGitFile()));
    rootEntries.put(".datom/", inserter.insert(tree(datomEntries)));

    CommitBuilder commit = new CommitBuilder();
    commit.setTreeId(inserter.insert(tree(rootEntries)));
    commit.setParentId(head);
    PersonIdent when = new PersonIdent(new PersonIdent(AUTHOR.name(), AUTHOR.email()), clock);
    commit.setAuthor(when);
    commit.setCommitter(when);
    commit.setMessage(message);
    head = inserter.insert(commit);
  }

  /** A tree of {@code entries} in git's order: by name bytes, a folder's name followed by {@code /}. */
  private static TreeFormatter tree(Map<String, ObjectId> entries) {
    List<String> names = new ArrayList<>(entries.keySet());
    names.sort(Comparator.comparing(name -> name.getBytes(StandardCharsets.UTF_8), Arrays::compareUnsigned));
    TreeFormatter tree = new TreeFormatter();
    for (String name : names) {
      boolean folder = name.endsWith("/");
      tree.append(folder ? name.substring(0, name.length() - 1) : name,
          folder ? FileMode.TREE : FileMode.REGULAR_FILE, entries.get(name));
    }
    return tree;
  }

  private static ObjectId blob(ObjectInserter inserter, String text) throws IOException {
    return inserter.insert(Constants.OBJ_BLOB, text.getBytes(StandardCharsets.UTF_8));
  }

  /** The store mirror of the final state, as the last write of each table would have left it. */
  private void mirror() {
    for (Map.Entry<String, TableMetadata> table : current.entrySet()) {
      store.writeJson(ProjectLayout.storeHistory(table.getKey()), histories.get(table.getKey()).toStoreJson());
      store.writeJson(ProjectLayout.storeMetadata(table.getKey()), table.getValue().toJson());
    }
    store.writeJson(ProjectLayout.STORE_MANIFEST, manifest.toStoreJson());
  }

  /** Repacks from scratch with deltas ({@code git repack -a -d -f}), as a host keeps a repository. */
  private static void repack(FileRepository repo) throws IOException {
    GC gc = new GC(repo);
    gc.setExpireAgeMillis(0);
    gc.setPackExpireAgeMillis(0);
    PackConfig pack = new PackConfig(repo);
    pack.setReuseObjects(false);
    pack.setReuseDeltas(false);
    gc.setPackConfig(pack);
    try {
      gc.gc().join();
    } catch (ParseException | GitAPIException e) {
      throw new IOException("Could not repack " + repo.getDirectory(), e);
    }
  }
}
