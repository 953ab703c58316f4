package io.datom.spark.write;

import io.datom.core.BaseVersion;
import io.datom.core.DatomProject;
import io.datom.core.DatomTable;
import io.datom.core.Parent;
import io.datom.core.TableWrite;
import io.datom.core.VersionSpec;
import io.datom.core.WriteResult;
import io.datom.core.WriterOptions;
import io.datom.spark.options.WriteSettings;
import io.datom.spark.read.StoredVersion;
import io.datom.spark.schema.SparkColumnSpecs;
import io.datom.spark.store.HadoopStore;
import io.datom.spark.task.CurrentRows;
import io.datom.spark.task.ExecutorConf;
import io.datom.spark.task.PartFormat;
import io.datom.spark.task.WriteMetrics;
import io.datom.spark.task.WrittenPart;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One datom write from Spark, run on the driver. Everything that can refuse the write does so before any job: the
 * table name, the options, the schema (unhashable column types), the project. Then:
 *
 * <ol>
 *   <li>the "write parts" job: each partition's rows become a part file in a staging directory, in row order (for an
 *       append, the current version's rows come first);
 *   <li>the "hash" job: one task per column computes its cv1 digest over the parts in order, and the driver combines
 *       them into {@code data_sha};
 *   <li>core's write protocol: change detection, then, only if the version needs a new object, the "place object"
 *       job (one task joining the parts at the object's content address), then commit, push and the store mirror.
 * </ol>
 *
 * The driver holds only one small record per part and per column; the staging directory is deleted whatever
 * happens, and those of writers that died are swept ({@link StagingArea}). The result is logged in one line and
 * recorded for {@link DatomWrites#lastResult()}.
 */
public final class SparkTableWrite {

  private static final Logger LOG = LoggerFactory.getLogger(DatomWrites.class);

  private final WriteTarget target;
  private final WriteMode mode;
  private final WriteSettings conf;

  public SparkTableWrite(WriteTarget target, WriteMode mode, WriteSettings conf) {
    this.target = target;
    this.mode = mode;
    this.conf = conf;
  }

  /** Writes {@code data} as the table's new version; returns what core's write protocol did. */
  public WriteResult run(Dataset<Row> data) {
    SparkSession spark = data.sparkSession();
    try (ProjectWriter project = connect(spark, target.store(), conf)) {
      return run(data, project, conf::applyTo);
    }
  }

  /** Opens (or prepares to create) the project in {@code store} that {@code conf} names, before any job runs. */
  static ProjectWriter connect(SparkSession spark, HadoopStore store, WriteSettings conf) {
    WriterOptions options = conf.writerOptions(store).observer(WriteObservers.of(spark)).build();
    return ProjectWriter.connect(options, conf.project());
  }

  /**
   * How a write's version is described to core once its rows are written and hashed: by default the write's options
   * ({@link WriteSettings#applyTo}); a sync describes an imported table instead.
   */
  @FunctionalInterface
  interface VersionDescription {
    TableWrite describe(TableWrite write, Optional<List<Parent>> parents, Optional<BaseVersion> base);
  }

  /** Writes {@code data} into the already connected {@code project}, described by {@code description}. */
  WriteResult run(Dataset<Row> data, ProjectWriter project, VersionDescription description) {
    return run(data, data.sparkSession(), target.table(), target.store(), project, description, System.nanoTime());
  }

  private WriteResult run(Dataset<Row> data, SparkSession spark, String table, HadoopStore store,
      ProjectWriter project, VersionDescription description, long started) {
    // Read after connecting: opening the project brings a store that lags behind git level first, so an append
    // builds on git's current version, never on one a crashed writer left the store showing.
    Optional<StoredVersion> base = mode == WriteMode.APPEND ? currentVersion(spark, store, table) : Optional.empty();
    // An append is a read-modify-write of the current version: it must not land on a version it did not read. A
    // created table must not replace one another writer created meanwhile.
    Optional<BaseVersion> basedOn = switch (mode) {
      case APPEND ->
          Optional.of(base.map(t -> BaseVersion.of(t.snapshot().version())).orElseGet(BaseVersion::newTable));
      case CREATE -> Optional.of(BaseVersion.newTable());
      case OVERWRITE -> Optional.empty();
    };
    base.ifPresent(current -> current.verify(conf.baseVerifyMode()));
    Dataset<Row> rows = base.map(current -> AppendColumns.align(data, current.schema(), table)).orElse(data);
    SparkColumnSpecs.requireHashable(rows.schema());
    Optional<List<Parent>> parents = WriteLineage.parents(data, conf.explicitParents(), store.location(), table);
    Configuration hadoop = ExecutorConf.of(spark);
    WriteJobs jobs = new WriteJobs(spark.sparkContext(), table);
    String stagingRoot = conf.stagingRoot().orElseGet(() -> store.pathOf(table + "/.staging").toString());
    try (StagingArea staging = StagingArea.under(stagingRoot, hadoop, conf.stagingMaxAge())) {
      Configuration staged = staging.tune(hadoop);
      JavaRDD<InternalRow> input = input(rows, base, hadoop);
      StructType schema = rows.schema();
      Configuration partFormat = staging.tune(PartFormat.configure(spark, schema));
      WriteMetrics metrics = WriteMetrics.start(spark.sparkContext());
      List<WrittenPart> parts =
          jobs.run("write parts", () -> PartsJob.run(input, schema, partFormat, staging, metrics.parts()));
      Optional<String> joinAt = staging.joinedObjectPath(store, staged);
      HashJob.Hashed hashed = jobs.run("hash columns",
          () -> HashJob.run(spark, staged, schema, parts, joinAt, metrics.hashing()));
      StagedObject object = new StagedObject(spark, jobs, staged, store, parts, hashed.object(), metrics,
          conf.placement());
      long committing = System.nanoTime();
      WriteResult written =
          description.describe(project.newWrite(table, hashed.hash(), object), parents, basedOn).commit();
      metrics.committed(Duration.ofNanos(System.nanoTime() - committing));
      metrics.publish();
      return report(spark, written, parts.size(), Duration.ofNanos(System.nanoTime() - started));
    }
  }

  /** The table's current version as the store shows it now, or empty for a table without versions. */
  private static Optional<StoredVersion> currentVersion(SparkSession spark, HadoopStore store, String table) {
    DatomTable stored = DatomProject.open(store).table(table);
    return stored.exists()
        ? Optional.of(StoredVersion.of(spark, store, stored.snapshot(VersionSpec.current())))
        : Optional.empty();
  }

  /** The rows of the new version, in order: for an append, the current version's first. */
  private JavaRDD<InternalRow> input(Dataset<Row> rows, Optional<StoredVersion> base, Configuration hadoop) {
    JavaRDD<InternalRow> written = rows.queryExecution().toRdd().toJavaRDD();
    if (base.isEmpty()) {
      return written;
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(rows.sparkSession().sparkContext());
    String object = target.store().pathOf(base.get().snapshot().objectKey()).toString();
    return CurrentRows.of(jsc, hadoop, object, rows.schema()).union(written);
  }

  private WriteResult report(SparkSession spark, WriteResult written, int parts, Duration elapsed) {
    LOG.info("datom write {}", String.format("%s in %s: %s version=%s data_sha=%s rows=%d commit=%s object=%s parts=%d"
        + " in %.1f s", written.table(), target.store().describe(), written.action().rName(), written.metadataSha(),
        written.dataSha(), written.nrow(), written.commitSha(), written.uploaded() ? "uploaded" : "not uploaded", parts,
        elapsed.toMillis() / 1000.0));
    DatomWrites.record(spark, written);
    return written;
  }
}
