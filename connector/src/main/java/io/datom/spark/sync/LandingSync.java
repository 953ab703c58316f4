package io.datom.spark.sync;

import io.datom.core.ManifestTable;
import io.datom.core.TableNames;
import io.datom.core.WriteResult;
import io.datom.spark.landing.LandingFileTasks;
import io.datom.spark.options.WriteSettings;
import io.datom.spark.read.JobDescription;
import io.datom.spark.store.HadoopStore;
import io.datom.spark.store.SerializableHadoopConf;
import io.datom.spark.task.ExecutorConf;
import io.datom.spark.write.ImportWrites;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sync of a landing folder into a project, R's {@code datom_sync_manifest} + {@code datom_sync} (format §8), run
 * on the driver:
 *
 * <ol>
 *   <li>list the folder (flat; {@link LandingFolder});
 *   <li>one Spark job hashes every file, one task per file, each file one sequential stream
 *       ({@code datom sync {folder}: hash N files}), while the driver opens the project (its remote's latest
 *       commit);
 *   <li>compare with the manifest: {@code new}, {@code changed}, {@code unchanged}, {@code unsupported_format};
 *   <li>import each new or changed file ({@link FileImports}) through the connector's write path as an imported table
 *       ({@link ImportWrites}). An unchanged file costs nothing more: no job reads its rows.
 * </ol>
 *
 * A file whose import fails is reported in its row ({@code action} {@code error}) and the others go on, as R
 * processes each file on its own. One summary line is logged at the end (counts and time; no cell value).
 */
public final class LandingSync {

  private static final Logger LOG = LoggerFactory.getLogger(LandingSync.class);

  private LandingSync() {}

  /**
   * Syncs {@code landing} into the project in {@code store} whose remote and writer settings are {@code conf}.
   *
   * @return one row per file ({@link SyncRow#SCHEMA}), in file-name order
   * @throws InvalidLandingFolderException if the folder is missing or not flat (nothing is written)
   */
  public static Dataset<Row> run(SparkSession spark, HadoopStore store, WriteSettings conf, String landing) {
    return spark.createDataFrame(SyncRow.rows(outcomes(spark, store, conf, landing)), SyncRow.SCHEMA);
  }

  /** The outcome of each file of a sync of {@code landing}, in file-name order. */
  public static List<SyncRow> outcomes(SparkSession spark, HadoopStore store, WriteSettings conf, String landing) {
    long started = System.nanoTime();
    List<LandingFile> files = LandingFolder.list(landing, spark.sessionState().newHadoopConf());
    List<SyncRow> outcomes = new ArrayList<>();
    // The hash job runs while the driver opens the project (git fetch, store check): a re-sync of unchanged files
    // then costs about the hashing alone.
    String tag = "datom-sync-" + UUID.randomUUID();
    long[] hashNanos = new long[1];
    CompletableFuture<Map<String, String>> hashing = CompletableFuture.supplyAsync(() -> {
      long hashStart = System.nanoTime();
      Map<String, String> shas = hash(spark, landing, files, tag);
      hashNanos[0] = System.nanoTime() - hashStart;
      return shas;
    }, LandingSync::startHashThread);
    ImportWrites opened;
    long openStart = System.nanoTime();
    long openNanos;
    try {
      opened = ImportWrites.connect(spark, store, conf);
      openNanos = System.nanoTime() - openStart;
    } catch (RuntimeException e) {
      spark.sparkContext().cancelJobsWithTag(tag);
      throw e;
    }
    try (ImportWrites imports = opened) {
      Map<String, String> shas = joined(hashing);
      Map<String, ManifestTable> manifest = imports.manifestTables().stream()
          .collect(Collectors.toMap(ManifestTable::name, Function.identity(), (a, b) -> a, LinkedHashMap::new));
      for (LandingFile file : files) {
        String sha = shas.get(file.path());
        Optional<ManifestTable> entry = Optional.ofNullable(manifest.get(file.name()));
        SyncStatus status = status(file, sha, entry);
        outcomes.add(switch (status) {
          case UNCHANGED -> new SyncRow(file.fileName(), file.name(), file.format(), status.rName(), "skipped",
              entry.flatMap(ManifestTable::currentVersion).orElse(null),
              entry.flatMap(ManifestTable::currentDataSha).orElse(null), sha, null, 0.0, null);
          case UNSUPPORTED_FORMAT -> new SyncRow(file.fileName(), file.name(), file.format(), status.rName(),
              "refused", null, null, sha, null, 0.0, "Unsupported format '" + file.format() + "': a sync imports "
              + "csv, tsv, txt, psv, parquet, sas7bdat and xpt files.");
          case NEW, CHANGED -> importFile(spark, imports, file, sha, status);
        });
      }
    }
    logSummary(store, landing, outcomes, System.nanoTime() - started, hashNanos[0], openNanos);
    return outcomes;
  }

  /** The status R's {@code datom_sync_manifest} gives {@code file} (format §8). */
  static SyncStatus status(LandingFile file, String sha, Optional<ManifestTable> entry) {
    if (!file.supportedByR()) {
      return SyncStatus.UNSUPPORTED_FORMAT;
    }
    if (entry.isEmpty()) {
      return SyncStatus.NEW;
    }
    return entry.get().originalFileSha().filter(sha::equals).isPresent() ? SyncStatus.UNCHANGED : SyncStatus.CHANGED;
  }

  /** The sha256 of each file, by path: one job (tagged {@code tag}), one task per file. */
  private static Map<String, String> hash(SparkSession spark, String landing, List<LandingFile> files, String tag) {
    if (files.isEmpty()) {
      return Map.of();
    }
    List<String> paths = files.stream().map(LandingFile::path).toList();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<SerializableHadoopConf> conf = jsc.broadcast(new SerializableHadoopConf(ExecutorConf.of(spark)));
    spark.sparkContext().addJobTag(tag);
    List<String> shas;
    try {
      shas = JobDescription.run(spark.sparkContext(), "datom sync " + landing + ": hash " + files.size() + " files",
          () -> jsc.parallelize(paths, paths.size()).map(LandingFileTasks.sha256(conf)).collect());
    } finally {
      spark.sparkContext().removeJobTag(tag);
      conf.destroy();
    }
    Map<String, String> byPath = new LinkedHashMap<>();
    for (int i = 0; i < paths.size(); i++) {
      byPath.put(paths.get(i), shas.get(i));
    }
    return byPath;
  }

  /**
   * Runs the hash job on a thread of its own: a new thread inherits the caller's Spark local properties (scheduler
   * pool, SQL settings) as Spark's own threads do.
   */
  private static void startHashThread(Runnable job) {
    Thread thread = new Thread(job, "datom-sync-hash");
    thread.setDaemon(true);
    thread.start();
  }

  private static Map<String, String> joined(CompletableFuture<Map<String, String>> hashing) {
    try {
      return hashing.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  private static SyncRow importFile(SparkSession spark, ImportWrites imports, LandingFile file, String sha,
      SyncStatus status) {
    long started = System.nanoTime();
    String name = file.name();
    if (!FileImports.imports(file.formatKey())) {
      LOG.warn("datom sync: {} was not imported (format {})", file.fileName(), file.format());
      return new SyncRow(file.fileName(), name, file.format(), status.rName(), "error", null, null, sha, null,
          seconds(started), "datom-spark does not import ." + file.format() + " files (R's sync does, through rio): "
          + "convert it to csv, parquet or SAS, or sync it with R.");
    }
    try {
      TableNames.requireValid(name);
      WriteResult written = imports.write(name, FileImports.read(spark, file), sha, file.format(), status.rName());
      return new SyncRow(file.fileName(), name, file.format(), status.rName(), written.action().rName(),
          written.metadataSha(), written.dataSha(), sha, written.nrow(), seconds(started), null);
    } catch (Exception e) { // Spark's AnalysisException is checked, though Scala does not declare it
      // The class only: a reader's message may quote a malformed record, and log lines hold no cell value.
      LOG.warn("datom sync: {} was not imported ({})", file.fileName(), e.getClass().getName());
      return new SyncRow(file.fileName(), name, file.format(), status.rName(), "error", null, null, sha, null,
          seconds(started), ImportFailure.describe(e));
    }
  }

  private static double seconds(long started) {
    return (System.nanoTime() - started) / 1e9;
  }

  private static void logSummary(HadoopStore store, String landing, List<SyncRow> outcomes, long nanos,
      long hashNanos, long openNanos) {
    Map<SyncStatus, Integer> byStatus = new EnumMap<>(SyncStatus.class);
    for (SyncRow row : outcomes) {
      for (SyncStatus status : SyncStatus.values()) {
        if (status.rName().equals(row.status())) {
          byStatus.merge(status, 1, Integer::sum);
        }
      }
    }
    long errors = outcomes.stream().filter(r -> r.action().equals("error")).count();
    long imported = outcomes.stream().filter(r -> r.rows() != null).count();
    LOG.info("datom sync {}", String.format("%s into %s: %d files (%d new, %d changed, %d unchanged, %d unsupported),"
        + " %d imported, %d failed in %.2f s (hash job %.2f s; project opened in %.2f s, meanwhile)", landing, store.describe(), outcomes.size(),
        byStatus.getOrDefault(SyncStatus.NEW, 0), byStatus.getOrDefault(SyncStatus.CHANGED, 0),
        byStatus.getOrDefault(SyncStatus.UNCHANGED, 0), byStatus.getOrDefault(SyncStatus.UNSUPPORTED_FORMAT, 0),
        imported, errors, nanos / 1e9, hashNanos / 1e9, openNanos / 1e9));
  }
}
