package io.datom.core.testing;

import io.datom.core.exceptions.DatomException;
import io.datom.core.internal.format.Manifest;
import io.datom.core.internal.format.ProjectLayout;
import io.datom.core.internal.format.TableMetadata;
import io.datom.core.internal.format.VersionHistory;
import io.datom.core.store.Store;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A reader polling a project's store the way every datom reader sees it, and remembering what it saw.
 *
 * <p>Each poll reads, per table, {@code {table}/.metadata/metadata.json} and then {@code version_history.json}, and
 * finally {@code .metadata/manifest.json}. What it records, only when it changes: the current version of each table,
 * the newest entry of each table's history, and the manifest (as {@link GitTimeline#manifestKey}). Whether any of them
 * ever went backwards can only be judged against git's commit order, which {@link GitTimeline#backwardMoves} does
 * after the run.
 *
 * <p>What it judges on the spot ({@link #problems()}): a document that does not parse, a current version that the
 * history read right after it does not list, and a newly seen current version whose snapshot or parquet object is
 * missing from the store. Reads that fail (the store is unreachable for a moment) are counted, not judged.
 */
public final class StoreWatcher implements AutoCloseable {

  /** What the reader saw at one moment: {@code value} is a version or a manifest key, {@code null} for nothing. */
  public record Sighting(long atNanos, String value) {}

  /** How the server behind the watched store replaces a document. */
  public enum Replacement {
    /** As S3, local stores and HDFS do: a reader sees the old document or the new one, whole. */
    ATOMIC,
    /**
     * As s3proxy's filesystem backend does (s3proxy issue #490): the new bytes are written in place, so a read during
     * a replacement can see part of them, or nothing. Such a read is repeated a few times; only a document that stays
     * malformed or missing is judged.
     */
    IN_PLACE
  }

  private static final int TORN_READ_RETRIES = 5;

  private final Store store;
  private final Replacement replacement;
  private final List<String> tables;
  private final Duration interval;
  private final long origin = System.nanoTime();
  private final Map<String, List<Sighting>> current = new LinkedHashMap<>();
  private final Map<String, List<Sighting>> historyHead = new LinkedHashMap<>();
  private final List<Sighting> manifests = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();
  private final Set<String> checkedVersions = new HashSet<>();
  private final Map<String, Long> lastPolled = new java.util.HashMap<>();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final Thread thread;
  private volatile boolean running = true;
  private long polls;
  private long readErrors;
  private long tornReads;
  private String lastReadError;

  private StoreWatcher(Store store, Replacement replacement, Collection<String> tables, Duration interval) {
    this.store = Objects.requireNonNull(store, "store");
    this.replacement = Objects.requireNonNull(replacement, "replacement");
    this.tables = List.copyOf(tables);
    this.interval = interval;
    for (String table : this.tables) {
      current.put(table, new ArrayList<>());
      historyHead.put(table, new ArrayList<>());
    }
    this.thread = new Thread(this::loop, "store-watcher");
    this.thread.setDaemon(true);
  }

  /** Starts polling {@code tables} of {@code store} every {@code interval}. */
  public static StoreWatcher start(Store store, Collection<String> tables, Duration interval) {
    return start(store, Replacement.ATOMIC, tables, interval);
  }

  /** Starts polling a store whose server replaces documents as {@code replacement} says. */
  public static StoreWatcher start(Store store, Replacement replacement, Collection<String> tables,
      Duration interval) {
    StoreWatcher watcher = new StoreWatcher(store, replacement, tables, interval);
    watcher.thread.start();
    return watcher;
  }

  /** The instant every {@link Sighting#atNanos()} is measured from, on {@link System#nanoTime()}'s scale. */
  public long origin() {
    return origin;
  }

  private void loop() {
    try {
      while (running) {
        long started = System.nanoTime();
        pollOnce();
        long sleep = interval.toMillis() - (System.nanoTime() - started) / 1_000_000;
        if (sleep > 0 && running) {
          Thread.sleep(sleep);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      stopped.countDown();
    }
  }

  private void pollOnce() {
    for (String table : tables) {
      try {
        pollTable(table);
      } catch (DatomException | java.io.UncheckedIOException e) {
        readError(e);
      }
    }
    try {
      Optional<byte[]> manifest = read(ProjectLayout.STORE_MANIFEST, text -> Manifest.parse(text, "store manifest"));
      String key = null;
      if (manifest.isPresent()) {
        Optional<Manifest> parsed = parse(manifest.get(), ProjectLayout.STORE_MANIFEST,
            text -> Manifest.parse(text, "store manifest"));
        if (parsed.isEmpty()) {
          return;
        }
        key = GitTimeline.manifestKey(parsed.get());
      }
      synchronized (this) {
        record(manifests, key);
        polls++;
      }
    } catch (DatomException | java.io.UncheckedIOException e) {
      readError(e);
    }
  }

  private void pollTable(String table) {
    String metadataKey = ProjectLayout.storeMetadata(table);
    Optional<byte[]> metadata = read(metadataKey, text -> TableMetadata.parse(text, metadataKey));
    if (metadata.isEmpty()) {
      synchronized (this) {
        record(current.get(table), null);
        lastPolled.put(table, System.nanoTime());
      }
      return;
    }
    Optional<TableMetadata> parsed = parse(metadata.get(), metadataKey, text -> TableMetadata.parse(text, metadataKey));
    if (parsed.isEmpty()) {
      return;
    }
    String version = parsed.get().version();
    String historyKey = ProjectLayout.storeHistory(table);
    Optional<byte[]> historyBytes = read(historyKey, text -> VersionHistory.parse(text, historyKey));
    String head = null;
    if (historyBytes.isEmpty()) {
      problem(table + ": current version " + version + " but no " + historyKey);
    } else {
      Optional<VersionHistory> history = parse(historyBytes.get(), historyKey, text -> VersionHistory.parse(text,
          historyKey));
      if (history.isEmpty()) {
        return;
      }
      if (!history.get().contains(version)) {
        problem(table + ": current version " + version + " is not listed in the history read right after it ("
            + history.get().size() + " entries, newest " + newest(history.get()) + "); reading it by id fails");
      }
      head = newest(history.get());
    }
    if (checkedVersions.add(table + "/" + version)) {
      if (!store.exists(ProjectLayout.storeSnapshot(table, version))) {
        problem(table + ": current version " + version + " has no snapshot "
            + ProjectLayout.storeSnapshot(table, version));
      }
      parsed.get().dataSha().ifPresent(dataSha -> {
        if (!store.exists(ProjectLayout.dataObject(table, dataSha))) {
          problem(table + ": current version " + version + " refers to a missing parquet object "
              + ProjectLayout.dataObject(table, dataSha));
        }
      });
    }
    synchronized (this) {
      record(current.get(table), version);
      record(historyHead.get(table), head);
      lastPolled.put(table, System.nanoTime());
    }
  }

  private static String newest(VersionHistory history) {
    return history.entries().isEmpty() ? null
        : history.entries().get(0).version().orElse(null);
  }

  /** The document at {@code key}; on a server that replaces in place, read again while it is missing or torn. */
  private Optional<byte[]> read(String key, java.util.function.Function<String, ?> parser) {
    Optional<byte[]> bytes = store.read(key);
    for (int retry = 0; replacement == Replacement.IN_PLACE && retry < TORN_READ_RETRIES && !whole(bytes, parser);
        retry++) {
      pause(50);
      bytes = store.read(key);
      if (whole(bytes, parser)) {
        synchronized (this) {
          tornReads++;
        }
      }
    }
    return bytes;
  }

  private static boolean whole(Optional<byte[]> bytes, java.util.function.Function<String, ?> parser) {
    if (bytes.isEmpty()) {
      return false;
    }
    try {
      parser.apply(new String(bytes.get(), StandardCharsets.UTF_8));
      return true;
    } catch (DatomException | IllegalArgumentException e) {
      return false;
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Reads that a server replacing in place answered torn or empty, and a repeated read answered whole. */
  public synchronized long tornReads() {
    return tornReads;
  }

  private <T> Optional<T> parse(byte[] bytes, String key, java.util.function.Function<String, T> parser) {
    try {
      return Optional.of(parser.apply(new String(bytes, StandardCharsets.UTF_8)));
    } catch (DatomException | IllegalArgumentException e) {
      problem(key + " does not parse (" + bytes.length + " bytes): " + e.getMessage());
      return Optional.empty();
    }
  }

  private void record(List<Sighting> sightings, String value) {
    if (sightings.isEmpty() || !Objects.equals(sightings.get(sightings.size() - 1).value(), value)) {
      sightings.add(new Sighting(System.nanoTime(), value));
    }
  }

  private synchronized void problem(String message) {
    if (problems.size() < 200) {
      problems.add(String.format("at %.3f s: %s", seconds(System.nanoTime()), message));
    }
  }

  private synchronized void readError(Exception e) {
    readErrors++;
    lastReadError = e.toString();
  }

  /** Seconds since the watcher started, for messages. */
  public double seconds(long nanos) {
    return (nanos - origin) / 1e9;
  }

  /** Waits until a poll that started after this call has completed. */
  public void awaitNextPoll(Duration timeout) {
    long target;
    synchronized (this) {
      target = polls + 2;
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      synchronized (this) {
        if (polls >= target) {
          return;
        }
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    throw new IllegalStateException("The store watcher did not complete a poll within " + timeout);
  }

  /**
   * Waits until the reader has seen {@code table}'s current version satisfy {@code condition} at or after
   * {@code sinceNanos}, and returns the first such moment; empty if that did not happen within {@code timeout}.
   */
  public Optional<Long> awaitCurrent(String table, Predicate<String> condition, long sinceNanos, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<Long> seen = firstSeen(table, condition, sinceNanos);
      if (seen.isPresent() || System.nanoTime() >= deadline) {
        return seen;
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    }
  }

  /** The first moment at or after {@code sinceNanos} the reader saw {@code table}'s current version satisfy it. */
  public synchronized Optional<Long> firstSeen(String table, Predicate<String> condition, long sinceNanos) {
    Sighting holding = null;
    for (Sighting s : current.get(table)) {
      if (s.atNanos() < sinceNanos) {
        holding = s;
        continue;
      }
      if (holding != null && satisfies(holding, condition)) {
        return Optional.of(sinceNanos);
      }
      holding = null;
      if (satisfies(s, condition)) {
        return Optional.of(s.atNanos());
      }
    }
    Long polled = lastPolled.get(table);
    if (holding != null && satisfies(holding, condition) && polled != null && polled >= sinceNanos) {
      return Optional.of(sinceNanos);
    }
    return Optional.empty();
  }

  private static boolean satisfies(Sighting s, Predicate<String> condition) {
    return s.value() != null && condition.test(s.value());
  }

  /** Stops polling and waits for the last poll to end. */
  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      stopped.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The current versions seen per table, in order, changes only. */
  public synchronized Map<String, List<Sighting>> currentVersions() {
    Map<String, List<Sighting>> copy = new LinkedHashMap<>();
    current.forEach((t, s) -> copy.put(t, List.copyOf(s)));
    return copy;
  }

  /** The newest history entry seen per table, in order, changes only. */
  public synchronized Map<String, List<Sighting>> historyHeads() {
    Map<String, List<Sighting>> copy = new LinkedHashMap<>();
    historyHead.forEach((t, s) -> copy.put(t, List.copyOf(s)));
    return copy;
  }

  /** The manifests seen, as {@link GitTimeline#manifestKey} values, in order, changes only. */
  public synchronized List<Sighting> manifests() {
    return List.copyOf(manifests);
  }

  /** What was wrong on the spot (see the class comment). */
  public synchronized List<String> problems() {
    return List.copyOf(problems);
  }

  /** Completed polls. */
  public synchronized long polls() {
    return polls;
  }

  /** Polls that failed to read the store, and the last such failure. */
  public synchronized String readErrors() {
    return readErrors + (lastReadError == null ? "" : " (last: " + lastReadError + ")");
  }

  /** The tables watched. */
  public List<String> tables() {
    return tables;
  }
}
