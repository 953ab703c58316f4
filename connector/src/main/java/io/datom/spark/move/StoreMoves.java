package io.datom.spark.move;

import io.datom.core.CopyItem;
import io.datom.core.CopyOutcome;
import io.datom.core.CopyVerification;
import io.datom.core.DataStoreSwitch;
import io.datom.core.KeyCheck;
import io.datom.core.StoreCopier;
import io.datom.core.StoreCopyPlan;
import io.datom.core.StoreKeyKind;
import io.datom.core.SwitchResult;
import io.datom.core.WriterOptions;
import io.datom.core.exceptions.DatomException;
import io.datom.core.store.StoreLocation;
import io.datom.spark.exceptions.InvalidOptionsException;
import io.datom.spark.options.DatomWriteOptions;
import io.datom.spark.options.WriteSettings;
import io.datom.spark.read.JobDescription;
import io.datom.spark.store.HadoopStore;
import io.datom.spark.store.SerializableHadoopConf;
import io.datom.spark.task.CopyCheckTask;
import io.datom.spark.task.StoreCopyTask;
import io.datom.spark.task.TaskOutcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves a datom project from one store to another with Spark: the copy and the verification run as Spark jobs, one
 * task per parquet object (so the bytes stream through executors, never the driver), in batches that the Spark UI
 * lists as {@code datom copy …: objects 1-64 of 300}; the order, the copy rules and the switch in git are core's
 * ({@link StoreCopyPlan}, {@link StoreCopier}, {@link io.datom.core.CopyVerifier}, {@link DataStoreSwitch}).
 */
public final class StoreMoves {

  /** Keys per Spark job: the unit of progress in the Spark UI. */
  static final int BATCH = 64;
  /** R's default region for an S3 store ({@code datom_store_s3(region = "us-east-1")}). */
  public static final String DEFAULT_REGION = "us-east-1";

  private static final Logger LOG = LoggerFactory.getLogger(StoreMoves.class);

  private StoreMoves() {}

  /** The columns of the rows: key, kind, bytes, action, ok, detail. */
  public static StructType schema() {
    return MoveRows.SCHEMA;
  }

  /**
   * Copies every key of the project at store {@code from} to store {@code to}: objects first (one task each), then
   * snapshots and histories, then current metadata, then other files, the manifest last. Running it again completes
   * an interrupted copy.
   *
   * @return one row per key: its kind, size and action ({@code copied}, {@code present} or {@code replaced})
   * @throws io.datom.core.exceptions.ObjectConflictException if the destination holds another object at a key
   * @throws io.datom.core.exceptions.NamespaceOccupiedException if the destination holds another project
   */
  public static Dataset<Row> copy(SparkSession spark, String from, String to) {
    Stores stores = Stores.open(spark, from, to);
    long started = System.nanoTime();
    List<CopyOutcome> outcomes = copy(spark, stores);
    LOG.info("datom copy: {} from {} to {} in {} s", summary(outcomes), stores.fromText(), stores.toText(),
        seconds(started));
    return spark.createDataFrame(outcomes.stream().map(MoveRows::copied).toList(), MoveRows.SCHEMA);
  }

  /**
   * Verifies the copy of the project at {@code from} in {@code to}: every key present with the same size, documents
   * byte-identical, and each parquet object's SHA-256, computed on an executor, equal to its recorded
   * {@code parquet_sha}.
   *
   * @return one row per key with {@code ok} and, when not ok, what is wrong
   */
  public static Dataset<Row> verify(SparkSession spark, String from, String to) {
    Stores stores = Stores.open(spark, from, to);
    long started = System.nanoTime();
    CopyVerification verification = verify(spark, stores, StoreCopyPlan.of(stores.from()));
    LOG.info("datom verify: {} of {} keys verified at {} in {} s", verification.checks().size()
        - verification.failures().size(), verification.checks().size(), stores.toText(), seconds(started));
    return spark.createDataFrame(verification.checks().stream().map(MoveRows::checked).toList(), MoveRows.SCHEMA);
  }

  /**
   * Points the project's data repository {@code repo} at store {@code to} (R's {@code datom_repo_set_data_store}),
   * after checking that it names store {@code from}. Does not copy or verify: run it after a verified copy.
   *
   * @param region the S3 region written to {@code project.yaml} for an S3 destination; {@code null} for the
   *     session's S3A region of the bucket, else {@value #DEFAULT_REGION}
   */
  public static SwitchResult switchDataStore(SparkSession spark, String repo, String from, String to, String region) {
    Stores stores = Stores.open(spark, from, to);
    SwitchResult result = switchDataStore(spark, repo, stores, region);
    LOG.info("datom switch: project {} {} to {} ({})", result.projectName(), result.switched() ? "switched"
        : "already switched", stores.toText(), result.commit());
    return result;
  }

  /**
   * Copies, verifies and, only if every key verified, switches the project's data store in git.
   *
   * @return one row per key (action and verification) and a last row for the switch of {@code project.yaml}
   * @throws io.datom.core.exceptions.CopyVerificationException if a key did not verify; nothing is switched
   */
  public static Dataset<Row> move(SparkSession spark, String from, String to, String repo, String region) {
    requireText(repo, "repo", "the project's git remote (https://... or file://...)");
    Stores stores = Stores.open(spark, from, to);
    long started = System.nanoTime();
    Switch target = Switch.of(spark, repo, stores, region);
    if (DataStoreSwitch.alreadySwitched(target.options(), target.recordedAs())) {
      // Copying from the old store now would only take the new store back to an older state.
      LOG.info("datom move: the project of {} already names {}; nothing copied", redactedRepo(repo), stores.toText());
      return spark.createDataFrame(List.of(MoveRows.alreadyMoved(stores.toText())), MoveRows.SCHEMA);
    }
    StoreCopyPlan plan = StoreCopyPlan.of(stores.from());
    List<CopyOutcome> outcomes = copy(spark, stores, plan);
    CopyVerification verification = verify(spark, stores, plan);
    if (!verification.passed()) {
      LOG.warn("datom move: {} of {} keys failed verification at {}; the data store was not switched",
          verification.failures().size(), verification.checks().size(), stores.toText());
      verification.requirePassed();
    }
    SwitchResult switched = switchDataStore(spark, repo, stores, region);
    LOG.info("datom move: project {}: {}, all verified, from {} to {}; data store {} ({}) in {} s",
        switched.projectName(), summary(outcomes), stores.fromText(), stores.toText(),
        switched.switched() ? "switched" : "already switched", switched.commit(), seconds(started));
    Map<String, KeyCheck> checks = new HashMap<>();
    verification.checks().forEach(check -> checks.put(check.item().key(), check));
    List<Row> rows = new ArrayList<>();
    outcomes.forEach(outcome -> rows.add(MoveRows.moved(outcome, checks.get(outcome.item().key()))));
    rows.add(MoveRows.switched(switched));
    return spark.createDataFrame(rows, MoveRows.SCHEMA);
  }

  private static List<CopyOutcome> copy(SparkSession spark, Stores stores) {
    return copy(spark, stores, StoreCopyPlan.of(stores.from()));
  }

  private static List<CopyOutcome> copy(SparkSession spark, Stores stores, StoreCopyPlan plan) {
    StoreCopier.requireCopyable(plan, stores.from(), stores.to());
    List<CopyOutcome> outcomes = new ArrayList<>();
    Broadcast<SerializableHadoopConf> conf = stores.broadcastConf(spark);
    try {
      StoreCopyTask task = new StoreCopyTask(conf, stores.fromPath(), stores.toPath());
      for (List<CopyItem> phase : plan.phases()) {
        outcomes.addAll(runBatches(spark, "datom copy " + stores.fromText() + " to " + stores.toText(), phase,
            batch -> JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(batch, slices(spark, batch)).map(task).collect().stream().map(TaskOutcome::get).toList()));
      }
    } finally {
      conf.destroy();
    }
    return outcomes;
  }

  private static CopyVerification verify(SparkSession spark, Stores stores, StoreCopyPlan plan) {
    List<KeyCheck> checks = new ArrayList<>();
    Broadcast<SerializableHadoopConf> conf = stores.broadcastConf(spark);
    try {
      CopyCheckTask task = new CopyCheckTask(conf, stores.fromPath(), stores.toPath());
      for (List<CopyItem> phase : plan.phases()) {
        checks.addAll(runBatches(spark, "datom verify " + stores.toText(), phase,
            batch -> JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(batch, slices(spark, batch)).map(task).collect().stream().map(TaskOutcome::get).toList()));
      }
    } finally {
      conf.destroy();
    }
    return new CopyVerification(stores.toText(), checks);
  }

  private static SwitchResult switchDataStore(SparkSession spark, String repo, Stores stores, String region) {
    Switch target = Switch.of(spark, repo, stores, region);
    return DataStoreSwitch.apply(target.options(), stores.to(), target.recordedAs(), null);
  }

  private static String redactedRepo(String repo) {
    return repo.trim().replaceFirst("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@]*@", "$1");
  }

  /** The git side of a switch: the writer options of the source store, and the destination as project.yaml says it. */
  private record Switch(WriterOptions options, StoreLocation recordedAs) {

    static Switch of(SparkSession spark, String repo, Stores stores, String region) {
      requireText(repo, "repo", "the project's git remote (https://... or file://...)");
      WriteSettings settings = WriteSettings.parse(spark, CaseInsensitiveStringMap.empty(),
          new CaseInsensitiveStringMap(Map.of(DatomWriteOptions.REPO, repo.trim())));
      StoreLocation to = stores.to().location();
      if (StoreLocation.S3.equals(to.type())) {
        to = StoreLocation.s3(to.root(), to.prefix(), region != null && !region.isBlank() ? region.trim()
            : s3aRegion(stores.conf(), to.root()));
      }
      return new Switch(settings.writerOptions(stores.from()).build(), to);
    }
  }

  /** The region S3A is configured with for {@code bucket} (per-bucket setting first), else R's default. */
  private static String s3aRegion(Configuration conf, String bucket) {
    String perBucket = conf.getTrimmed("fs.s3a.bucket." + bucket + ".endpoint.region");
    String region = perBucket != null && !perBucket.isEmpty() ? perBucket : conf.getTrimmed("fs.s3a.endpoint.region");
    return region != null && !region.isEmpty() ? region : DEFAULT_REGION;
  }

  /** One Spark job per batch of a phase's keys, each described for the UI; a task's datom error is rethrown as is. */
  private static <T> List<T> runBatches(SparkSession spark, String what, List<CopyItem> phase,
      Function<List<CopyItem>, List<T>> job) {
    List<T> results = new ArrayList<>();
    SparkContext sc = spark.sparkContext();
    for (int start = 0; start < phase.size(); start += BATCH) {
      List<CopyItem> batch = phase.subList(start, Math.min(phase.size(), start + BATCH));
      String description = what + ": " + noun(batch.get(0).kind()) + " " + (start + 1) + "-" + (start + batch.size())
          + " of " + phase.size();
      try {
        results.addAll(JobDescription.run(sc, description, () -> job.apply(new ArrayList<>(batch))));
      } catch (Exception e) { // a failed job's SparkException is checked, though Scala does not declare it
        DatomException datom = datomCause(e);
        if (datom != null) {
          throw datom;
        }
        throw e;
      }
    }
    return results;
  }

  /** One task per object; small documents share tasks. */
  private static int slices(SparkSession spark, List<CopyItem> batch) {
    boolean objects = batch.stream().anyMatch(item -> item.kind() == StoreKeyKind.OBJECT);
    return Math.max(1, objects ? batch.size() : Math.min(batch.size(), spark.sparkContext().defaultParallelism()));
  }

  private static String noun(StoreKeyKind kind) {
    return switch (kind) {
      case OBJECT -> "objects";
      case SNAPSHOT, HISTORY -> "snapshots and histories";
      case METADATA -> "current metadata";
      case MANIFEST -> "manifest";
      default -> "other files";
    };
  }

  private static DatomException datomCause(Exception e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof DatomException datom) {
        return datom;
      }
    }
    return null;
  }

  /** E.g. {@code 15 keys (4 objects, 20555 bytes; copied 13, present 1, replaced 1)}. */
  private static String summary(List<CopyOutcome> outcomes) {
    Map<String, Long> byAction = new TreeMap<>();
    outcomes.forEach(o -> byAction.merge(o.action().name().toLowerCase(Locale.ROOT), 1L, Long::sum));
    long objects = outcomes.stream().filter(o -> o.item().kind() == StoreKeyKind.OBJECT).count();
    long bytes = outcomes.stream().mapToLong(CopyOutcome::bytes).sum();
    return outcomes.size() + " keys (" + objects + " objects, " + bytes + " bytes; " + byAction.entrySet().stream()
        .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")) + ")";
  }

  private static long seconds(long started) {
    return (System.nanoTime() - started) / 1_000_000_000L;
  }

  private static void requireText(String value, String name, String what) {
    if (value == null || value.isBlank()) {
      throw new InvalidOptionsException("A move needs " + name + ": " + what + ".", name);
    }
  }

  /** The two stores of a move, opened on the session's Hadoop configuration. */
  private record Stores(HadoopStore from, HadoopStore to, Configuration conf) {

    static Stores open(SparkSession spark, String from, String to) {
      requireText(from, "from", "the store the project is in now (a Hadoop path such as /data/trial)");
      requireText(to, "to", "the store to move it to (a Hadoop path such as s3a://bucket/trial)");
      Configuration conf = spark.sessionState().newHadoopConf();
      return new Stores(HadoopStore.at(from.trim(), conf), HadoopStore.at(to.trim(), conf), conf);
    }

    Broadcast<SerializableHadoopConf> broadcastConf(SparkSession spark) {
      return JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(new SerializableHadoopConf(conf));
    }

    String fromPath() {
      return from.storePath().toString();
    }

    String toPath() {
      return to.storePath().toString();
    }

    /** For messages and logs: the path without any user information. */
    String fromText() {
      return redact(fromPath());
    }

    String toText() {
      return redact(toPath());
    }

    private static String redact(String path) {
      return path.replaceFirst("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@]*@", "$1");
    }
  }
}
