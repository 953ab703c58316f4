package io.datom.core.testing;

import io.datom.core.internal.format.HistoryEntry;
import io.datom.core.internal.format.Manifest;
import io.datom.core.internal.format.ManifestEntry;
import io.datom.core.internal.format.TableMetadata;
import io.datom.core.internal.format.VersionHistory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * A project's data repository as a sequence of commits, oldest first, cloned fresh with JGit: the judge of what a
 * {@link StoreWatcher} saw. A table version's place in time is the index of the first commit whose
 * {@code {table}/metadata.json} is that version; a store manifest's is the index of the first commit whose
 * {@code .datom/manifest.json} has the same {@link #manifestKey}. Pushes are fast-forwards, so the first-parent chain
 * is the order in which versions became current.
 */
public final class GitTimeline implements AutoCloseable {

  /** A write a writer reported as done: it must be in git, exactly once. */
  public record Acknowledged(String writer, String table, String version, String commit) {}

  /** Something the reader saw that git's order says it must not have. */
  public record Backward(String what, String from, int fromIndex, String to, int toIndex, double atSeconds,
      double forMillis) {
    @Override
    public String toString() {
      return String.format("%s went back at %.3f s from %s (commit #%d) to %s (commit #%d), for %s", what, atSeconds,
          abbrev(from), fromIndex, abbrev(to), toIndex, forMillis < 0 ? "the rest of the run" : forMillis + " ms");
    }
  }

  private final Path dir;
  private final List<String> commits = new ArrayList<>();
  private final Map<String, Integer> commitIndex = new HashMap<>();
  private final Map<String, Map<String, Integer>> versionIntroduced = new HashMap<>();
  private final Map<String, List<String>> currentAt = new HashMap<>();
  private final Map<String, Integer> manifestIntroduced = new HashMap<>();
  private final Map<String, VersionHistory> headHistories = new TreeMap<>();

  private GitTimeline(Path dir) {
    this.dir = dir;
  }

  /** Clones {@code url} (with user {@code git} and {@code token} when not null) and reads every commit. */
  public static GitTimeline clone(String url, String token, Collection<String> tables) {
    Path dir = TempDirs.create("timeline-");
    GitTimeline timeline = new GitTimeline(dir);
    try (Git git = Git.cloneRepository().setURI(url).setDirectory(dir.toFile()).setBare(true)
        .setCredentialsProvider(token == null ? null : new UsernamePasswordCredentialsProvider("git", token))
        .call()) {
      timeline.read(git.getRepository(), tables);
      return timeline;
    } catch (GitAPIException | IOException | RuntimeException e) {
      TempDirs.deleteRecursively(dir);
      throw new IllegalStateException("Could not read the history of " + url + ": " + e, e);
    }
  }

  private void read(Repository repository, Collection<String> tables) throws IOException {
    ObjectId head = repository.resolve("HEAD");
    if (head == null) {
      return;
    }
    List<RevCommit> newestFirst = new ArrayList<>();
    try (RevWalk walk = new RevWalk(repository)) {
      RevCommit commit = walk.parseCommit(head);
      while (commit != null) {
        newestFirst.add(commit);
        commit = commit.getParentCount() == 0 ? null : walk.parseCommit(commit.getParent(0));
      }
    }
    for (String table : tables) {
      versionIntroduced.put(table, new HashMap<>());
      currentAt.put(table, new ArrayList<>());
    }
    for (int i = newestFirst.size() - 1; i >= 0; i--) {
      RevCommit commit = newestFirst.get(i);
      int index = commits.size();
      commits.add(commit.getName());
      commitIndex.put(commit.getName(), index);
      for (String table : tables) {
        Optional<String> version = file(repository, commit, table + "/metadata.json")
            .map(text -> TableMetadata.parse(text, table + "/metadata.json").version());
        currentAt.get(table).add(version.orElse(null));
        version.ifPresent(v -> versionIntroduced.get(table).putIfAbsent(v, index));
      }
      file(repository, commit, ".datom/manifest.json")
          .ifPresent(text -> manifestIntroduced.putIfAbsent(manifestKey(Manifest.parse(text, "manifest")), index));
      if (i == 0) {
        for (String table : tables) {
          file(repository, commit, table + "/version_history.json")
              .ifPresent(text -> headHistories.put(table, VersionHistory.parse(text, table)));
        }
      }
    }
  }

  private static Optional<String> file(Repository repository, RevCommit commit, String path) throws IOException {
    try (TreeWalk tree = TreeWalk.forPath(repository, path, commit.getTree())) {
      if (tree == null) {
        return Optional.empty();
      }
      return Optional.of(new String(repository.open(tree.getObjectId(0)).getBytes(), StandardCharsets.UTF_8));
    }
  }

  /**
   * What identifies a manifest state, independent of layout and of fields a store mirror may add: its
   * {@code updated_at} and each table's current version and version count.
   */
  public static String manifestKey(Manifest manifest) {
    StringBuilder key = new StringBuilder(manifest.updatedAt().orElse("?"));
    for (String table : new TreeMap<>(tableEntries(manifest)).keySet()) {
      ManifestEntry entry = manifest.table(table).orElseThrow();
      key.append(' ').append(table).append('=').append(abbrev(entry.currentVersion().orElse("?")))
          .append('/').append(entry.versionCount().isPresent() ? (long) entry.versionCount().getAsDouble() : -1);
    }
    return key.toString();
  }

  private static Map<String, Boolean> tableEntries(Manifest manifest) {
    Map<String, Boolean> names = new LinkedHashMap<>();
    manifest.tableNames().forEach(name -> names.put(name, true));
    return names;
  }

  /** Commits, oldest first. */
  public List<String> commits() {
    return List.copyOf(commits);
  }

  /** The index of {@code commit}, if it is on the branch. */
  public Optional<Integer> indexOf(String commit) {
    return Optional.ofNullable(commitIndex.get(commit));
  }

  /** The index of the first commit where {@code version} was {@code table}'s current version. */
  public Optional<Integer> introduced(String table, String version) {
    return Optional.ofNullable(versionIntroduced.getOrDefault(table, Map.of()).get(version));
  }

  /** {@code table}'s current version at {@code commit}, or empty if it had none (or the commit is unknown). */
  public Optional<String> currentAt(String table, String commit) {
    Integer index = commitIndex.get(commit);
    return index == null ? Optional.empty() : Optional.ofNullable(currentAt.get(table).get(index));
  }

  /** {@code table}'s current version at the branch's head. */
  public Optional<String> current(String table) {
    List<String> versions = currentAt.get(table);
    return versions.isEmpty() ? Optional.empty() : Optional.ofNullable(versions.get(versions.size() - 1));
  }

  /** {@code table}'s history at the branch's head (empty if the table has none). */
  public VersionHistory history(String table) {
    return headHistories.getOrDefault(table, VersionHistory.empty());
  }

  /**
   * Every acknowledged write that is missing from its table's history at the head, recorded more than once, or whose
   * commit is not on the branch; and every version any history lists twice.
   */
  public List<String> lostOrDuplicated(Collection<Acknowledged> acknowledged) {
    List<String> problems = new ArrayList<>();
    for (Acknowledged ack : acknowledged) {
      long times = history(ack.table()).entries().stream()
          .filter(e -> e.version().filter(ack.version()::equals).isPresent()).count();
      if (times != 1) {
        problems.add(ack.writer() + "'s acknowledged " + ack.table() + " version " + abbrev(ack.version())
            + (times == 0 ? " is LOST: not in git's history" : " is recorded " + times + " times in git's history"));
      }
      if (!commitIndex.containsKey(ack.commit())) {
        problems.add(ack.writer() + "'s acknowledged " + ack.table() + " commit " + abbrev(ack.commit())
            + " is not on the branch");
      }
    }
    headHistories.forEach((table, history) -> {
      Map<String, Integer> seen = new HashMap<>();
      for (HistoryEntry e : history.entries()) {
        e.version().ifPresent(v -> seen.merge(v, 1, Integer::sum));
      }
      seen.forEach((v, n) -> {
        if (n > 1) {
          problems.add(table + " version " + abbrev(v) + " is recorded " + n + " times in git's history");
        }
      });
    });
    return problems;
  }

  /**
   * Every moment the watcher saw something older than what it had seen before: a table's current version, its
   * history's newest entry, or the manifest; also anything it saw that git never had, and a table that disappeared.
   */
  public List<Backward> backwardMoves(StoreWatcher watcher) {
    List<Backward> found = new ArrayList<>();
    watcher.currentVersions().forEach((table, sightings) ->
        found.addAll(backward(watcher, table + " current version (metadata.json)", sightings,
            v -> introduced(table, v))));
    watcher.historyHeads().forEach((table, sightings) ->
        found.addAll(backward(watcher, table + " history's newest entry", sightings,
            v -> introduced(table, v))));
    found.addAll(backward(watcher, "manifest", watcher.manifests(),
        key -> Optional.ofNullable(manifestIntroduced.get(key))));
    return found;
  }

  private interface Indexer {
    Optional<Integer> indexOf(String value);
  }

  private static List<Backward> backward(StoreWatcher watcher, String what, List<StoreWatcher.Sighting> sightings,
      Indexer indexer) {
    List<Backward> found = new ArrayList<>();
    int max = -1;
    String maxValue = null;
    for (int i = 0; i < sightings.size(); i++) {
      StoreWatcher.Sighting s = sightings.get(i);
      int index = s.value() == null ? -1 : indexer.indexOf(s.value()).orElse(Integer.MIN_VALUE);
      if (index == Integer.MIN_VALUE) {
        found.add(new Backward(what + " (a state git never had!)", maxValue, max, s.value(), -1,
            watcher.seconds(s.atNanos()), 0));
        continue;
      }
      if (index < max) {
        double back = -1;
        for (int j = i + 1; j < sightings.size(); j++) {
          StoreWatcher.Sighting later = sightings.get(j);
          if (later.value() != null && indexer.indexOf(later.value()).orElse(-1) >= max) {
            back = (later.atNanos() - s.atNanos()) / 1e6;
            break;
          }
        }
        found.add(new Backward(what, maxValue, max, s.value(), index, watcher.seconds(s.atNanos()), back));
      } else {
        max = index;
        maxValue = s.value();
      }
    }
    return found;
  }

  static String abbrev(String value) {
    if (value == null) {
      return "nothing";
    }
    return value.matches("[0-9a-f]{40,64}") ? value.substring(0, 8) : value;
  }

  /** Deletes the clone. */
  @Override
  public void close() {
    try {
      TempDirs.deleteRecursively(dir);
    } catch (UncheckedIOException ignored) {
      // Best effort: a temp directory.
    }
  }
}
