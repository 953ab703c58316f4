package io.datom.spark.write;

import io.datom.core.ParquetObject;
import io.datom.core.PlacedParquet;
import io.datom.core.StoredObjects;
import io.datom.core.store.Store;
import io.datom.spark.options.Placement;
import io.datom.spark.store.HadoopStore;
import io.datom.spark.task.ConcatTask;
import io.datom.spark.task.HashTask;
import io.datom.spark.task.ObjectLayout;
import io.datom.spark.task.ObjectPublisher;
import io.datom.spark.task.WriteMetrics;
import io.datom.spark.task.WrittenPart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * A version's parquet object while it is still staged. The write protocol asks for it only when the version needs a
 * new object, so a write that changes nothing, only metadata, or returns to earlier content places no data. Placing
 * it publishes the object the hash job already joined in the staging directory (a link or a rename) when the store
 * allows that, and otherwise writes the object at its content address from the parts: by many tasks uploading its
 * parts ({@link ParallelPlacementJob}) on object stores that allow it, else by the one-task concat job.
 */
final class StagedObject implements ParquetObject {

  private final SparkSession spark;
  private final WriteJobs jobs;
  private final Configuration conf;
  private final HadoopStore store;
  private final List<String> parts;
  private final long stagedBytes;
  private final Optional<HashTask.JoinedObject> joined;
  private final WriteMetrics metrics;
  private final Placement placement;
  private String placedKey;
  private PlacedParquet placed;

  StagedObject(SparkSession spark, WriteJobs jobs, Configuration conf, HadoopStore store, List<WrittenPart> parts,
      Optional<HashTask.JoinedObject> joined, WriteMetrics metrics, Placement placement) {
    this.spark = spark;
    this.jobs = jobs;
    this.conf = conf;
    this.store = store;
    this.parts = parts.stream().map(WrittenPart::path).toList();
    this.stagedBytes = parts.stream().mapToLong(WrittenPart::bytes).sum();
    this.joined = joined;
    this.metrics = metrics;
    this.placement = placement;
  }

  @Override
  public PlacedParquet placeAt(Store target, String key) {
    if (target != store) {
      throw new IllegalArgumentException("The object was staged for store " + store.describe() + ", not "
          + target.describe());
    }
    // A write retried after a rejected push asks again: the object is in place already.
    if (key.equals(placedKey)) {
      return placed;
    }
    long started = System.nanoTime();
    Path path = store.pathOf(key);
    Optional<PlacedParquet> created = joined.isPresent() ? publishJoined(joined.get(), path) : concat(path);
    placed = created.orElseGet(() -> StoredObjects.describe(store, key));
    placedKey = key;
    metrics.objectPlaced(created.map(PlacedParquet::sizeBytes).orElse(0L), Duration.ofNanos(System.nanoTime() - started));
    return placed;
  }

  /** Publishes the joined object at {@code path}; empty if an object was there already. */
  private Optional<PlacedParquet> publishJoined(HashTask.JoinedObject object, Path path) {
    try {
      ObjectPublisher publisher = ObjectPublisher.forWritten(new Path(object.path()), path, conf).orElseThrow(
          () -> new IllegalStateException("Store " + store.describe() + " cannot publish a staged object in place"));
      boolean created = !publisher.exists() && publisher.publish();
      return created ? Optional.of(new PlacedParquet(object.size(), object.sha256(), true)) : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not publish the object at " + path + ": " + e.getMessage(), e);
    }
  }

  /**
   * Joins the parts at {@code path}; empty if an object was there already. On an object store with a multipart
   * uploader, an object larger than one upload part is uploaded in parts by many tasks ({@link ParallelPlacementJob});
   * otherwise, or when the session asks for it, one task writes it whole ({@link ConcatJob}). Both write the same bytes.
   */
  private Optional<PlacedParquet> concat(Path path) {
    ConcatTask.Outcome outcome = jobs.run("place object", () -> {
      // The object is about as large as its parts together: an object of one upload part is not planned at all.
      if (placement.parallel() && stagedBytes > placement.partSize() && ParallelPlacementJob.supports(path, conf)) {
        ObjectLayout layout = ParallelPlacementJob.plan(spark, conf, parts);
        if (layout.size() > placement.partSize()) {
          return ParallelPlacementJob.run(spark, conf, layout, path.toString(), placement.partSize());
        }
      }
      return ConcatJob.run(spark, conf, parts, path.toString());
    });
    return outcome.created()
        ? Optional.of(new PlacedParquet(outcome.size(), outcome.sha256(), true))
        : Optional.empty();
  }
}
