package io.datom.spark.write;

import io.datom.core.store.Store;
import io.datom.core.write.ParquetObject;
import io.datom.core.write.PlacedParquet;
import io.datom.core.write.StoredObjects;
import io.datom.spark.store.HadoopStore;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;

/**
 * A version's parquet object while it is still a list of staged parts: placing it runs the concat job, which writes
 * the object at its content address straight from the parts. The write protocol asks only when the version needs a
 * new object, so a write that changes nothing, only metadata, or returns to earlier content copies no data.
 */
final class StagedObject implements ParquetObject {

  private final SparkSession spark;
  private final WriteJobs jobs;
  private final Configuration conf;
  private final HadoopStore store;
  private final List<String> parts;
  private String placedKey;
  private PlacedParquet placed;

  StagedObject(SparkSession spark, WriteJobs jobs, Configuration conf, HadoopStore store, List<WrittenPart> parts) {
    this.spark = spark;
    this.jobs = jobs;
    this.conf = conf;
    this.store = store;
    this.parts = parts.stream().map(WrittenPart::path).toList();
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
    String path = store.pathOf(key).toString();
    ConcatTask.Outcome outcome = jobs.run("place object", () -> ConcatJob.run(spark, conf, parts, path));
    placed = outcome.created()
        ? new PlacedParquet(outcome.size(), outcome.sha256(), true)
        : StoredObjects.describe(store, key);
    placedKey = key;
    return placed;
  }
}
