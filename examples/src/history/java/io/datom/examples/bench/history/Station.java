package io.datom.examples.bench.history;

import io.datom.core.DatomWriter;
import io.datom.core.GitCredentials;
import io.datom.core.GitIdentity;
import io.datom.core.WriteAction;
import io.datom.core.WriteResult;
import io.datom.core.WriteStep;
import io.datom.core.WriterOptions;
import io.datom.core.internal.format.ProjectConfig;
import io.datom.core.internal.format.ProjectLayout;
import io.datom.core.internal.repo.DataRepo;
import io.datom.core.internal.repo.LocalRemote;
import io.datom.core.internal.repo.RemoteCredentials;
import io.datom.core.store.LocalStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.internal.storage.file.FileRepository;
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
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * One generated project behind one remote, with its own copy of the remote and of the store, and the writes timed on
 * it. The copy's {@code project.yaml} is moved to the copy's store by one more commit, as a project whose store moved.
 */
final class Station {

  private static final GitIdentity AUTHOR = new GitIdentity("Bench Writer", "bench@example.org");

  final String variant;
  final String remote;
  final double firstOpen;
  final List<Run> writes = new ArrayList<>();
  final List<Run> bigTableWrites = new ArrayList<>();
  final List<Run> freshCloneWrites = new ArrayList<>();
  final List<Double> fullClones = new ArrayList<>();
  double cloneRepack = Double.NaN;
  double remoteRepack = Double.NaN;
  long remoteKb;

  private final Path dir;
  private final Path gitDir;
  private final String url;
  private final GitCredentials credentials;
  private final RemoteCredentials cloneCredentials;
  private final LocalStore store;
  private final StepClock steps = new StepClock();
  private final WriterOptions.Builder options;
  private int freshClones;

  /**
   * Copies the template's remote to {@code gitDir} (served at {@code url}) and its store into {@code dir}, then opens
   * a first writer, which clones.
   */
  Station(String variant, String remote, Path template, Path dir, Path gitDir, String url,
      String token) throws IOException {
    this.variant = variant;
    this.remote = remote;
    this.dir = dir;
    this.gitDir = gitDir;
    this.url = url;
    this.credentials = token == null ? GitCredentials.none() : GitCredentials.token(token);
    this.cloneCredentials = token == null ? RemoteCredentials.none() : RemoteCredentials.token(token);
    Files.createDirectories(dir);
    Files2.copyRecursively(template.resolve("data.git"), gitDir);
    Files2.copyRecursively(template.resolve("store-generated"), dir.resolve("store"));
    this.store = new LocalStore(dir.resolve("store"), null);
    moveStore();
    this.options = WriterOptions.builder(url, store).credentials(credentials).author(AUTHOR).observer(steps);
    long start = System.nanoTime();
    DatomWriter.open(options.workDir(dir.resolve("clones")).build()).close();
    this.firstOpen = (System.nanoTime() - start) / 1e9;
  }

  /** Commits a {@code project.yaml} naming this station's store and remote on top of the copied history. */
  private void moveStore() throws IOException {
    try (FileRepository repo = new FileRepository(gitDir.toFile()); RevWalk walk = new RevWalk(repo);
        ObjectInserter inserter = repo.newObjectInserter()) {
      ObjectId head = repo.resolve(Constants.R_HEADS + "master");
      RevCommit tip = walk.parseCommit(head);
      TreeFormatter datom = new TreeFormatter();
      try (TreeWalk entries = TreeWalk.forPath(repo, ".datom", tip.getTree())) {
        entries.enterSubtree();
        while (entries.next()) {
          ObjectId blob = entries.getObjectId(0);
          if (entries.getNameString().equals("project.yaml")) {
            String yaml = new String(repo.open(blob).getBytes(), StandardCharsets.UTF_8);
            String moved = ProjectConfig.parse(yaml, ProjectLayout.PROJECT_FILE).withDataStore(store.location())
                .toYaml();
            blob = inserter.insert(Constants.OBJ_BLOB, moved.getBytes(StandardCharsets.UTF_8));
          }
          datom.append(entries.getNameString(), FileMode.REGULAR_FILE, blob);
        }
      }
      TreeFormatter root = new TreeFormatter();
      try (TreeWalk entries = new TreeWalk(repo)) {
        entries.addTree(tip.getTree());
        while (entries.next()) {
          boolean isDatom = entries.getNameString().equals(".datom");
          root.append(entries.getNameString(), entries.getFileMode(0),
              isDatom ? inserter.insert(datom) : entries.getObjectId(0));
        }
      }
      CommitBuilder commit = new CommitBuilder();
      commit.setTreeId(inserter.insert(root));
      commit.setParentId(head);
      PersonIdent who = new PersonIdent(AUTHOR.name(), AUTHOR.email());
      commit.setAuthor(who);
      commit.setCommitter(who);
      commit.setMessage("Move the data store");
      ObjectId moved = inserter.insert(commit);
      inserter.flush();
      RefUpdate update = repo.updateRef(Constants.R_HEADS + "master");
      update.setNewObjectId(moved);
      if (update.update() != RefUpdate.Result.FAST_FORWARD) {
        throw new IOException("Could not commit the moved project.yaml in " + gitDir);
      }
    }
  }

  /** One Spark-like write with the kept clones: open a writer, write a new version of {@code table}, close it. */
  Run write(String table, ThousandRows rows) {
    return timed(options.workDir(dir.resolve("clones")).build(), table, rows);
  }

  /** The same with a work directory of its own, so that the writer makes a new (shallow) clone. */
  Run writeWithFreshClone(String table, ThousandRows rows) {
    Path fresh = dir.resolve("fresh-" + (++freshClones));
    try {
      return timed(options.workDir(fresh).build(), table, rows);
    } finally {
      Files2.deleteRecursively(fresh);
    }
  }

  /** Seconds for a full clone of the remote: what every writer paid before clones were kept and shallow. */
  double fullClone() {
    Path target = dir.resolve("full-clone");
    long start = System.nanoTime();
    try (DataRepo clone = DataRepo.cloneFrom(url, target, cloneCredentials)) {
      return (System.nanoTime() - start) / 1e9;
    } finally {
      Files2.deleteRecursively(target);
    }
  }

  private Run timed(WriterOptions writerOptions, String table, ThousandRows rows) {
    steps.reset();
    long opening = System.nanoTime();
    DatomWriter writer = DatomWriter.open(writerOptions);
    long writing = System.nanoTime();
    WriteResult result;
    long closing;
    try {
      result = writer.newWrite(table, rows.hash(), rows.object()).message("bench").commit();
      closing = System.nanoTime();
    } finally {
      writer.close();
    }
    long end = System.nanoTime();
    if (result.action() != WriteAction.FULL) {
      throw new IllegalStateException("Expected a new version, got " + result.summary());
    }
    Map<WriteStep, Double> bySteps = new EnumMap<>(WriteStep.class);
    for (WriteStep step : WriteStep.values()) {
      bySteps.put(step, steps.seconds(step));
    }
    double write = (closing - writing) / 1e9;
    return new Run((end - opening) / 1e9, (writing - opening) / 1e9, write - steps.total(), (end - closing) / 1e9,
        bySteps);
  }

  /**
   * Times the repacks a writer's upkeep makes now and then at this history: of its clone, and over {@code file://} of
   * the whole remote (about once per half a repository's worth of pushes; the small merges in between are part of the
   * writes' upkeep). Run when no writer is open.
   */
  void timeRepacks() throws IOException {
    try (Stream<Path> pools = Files.list(dir.resolve("clones").resolve("datom-clones"))) {
      Path slot = pools.findFirst().orElseThrow().resolve("slot-0");
      try (DataRepo clone = DataRepo.open(slot, RemoteCredentials.none())) {
        long start = System.nanoTime();
        clone.repackIfDue(0, -1); // forced: any loose object count is over -1
        cloneRepack = (System.nanoTime() - start) / 1e9;
      }
    }
    if (remote.equals("file")) {
      long start = System.nanoTime();
      LocalRemote.of(url).orElseThrow().repack();
      remoteRepack = (System.nanoTime() - start) / 1e9;
    }
    remoteKb = Files2.bytes(gitDir) / 1024;
  }

  void close() {
    store.close();
  }

  /**
   * One timed write, in seconds: the whole (open, write, close), the open, the write's upkeep (what {@code write}
   * spends outside its steps), the close, and each step.
   */
  record Run(double total, double open, double upkeep, double close, Map<WriteStep, Double> bySteps) {}
}
