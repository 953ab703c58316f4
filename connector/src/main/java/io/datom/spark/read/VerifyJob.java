package io.datom.spark.read;

import io.datom.core.ParquetIntegrity;
import io.datom.core.Snapshot;
import io.datom.core.exceptions.DatomException;
import io.datom.spark.store.HadoopStore;
import io.datom.spark.store.SerializableHadoopConf;
import java.util.List;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;

/**
 * Checks a version's object against its {@code parquet_sha} in a one-task Spark job, so that the object streams
 * through an executor rather than the driver, and the Spark UI shows the check as
 * {@code datom read {table}: verify {key}}.
 */
final class VerifyJob {
  private VerifyJob() {}

  /**
   * Streams the snapshot's object through SHA-256 on an executor and compares it with its {@code parquet_sha}.
   *
   * @throws io.datom.core.exceptions.IntegrityCheckException when the bytes differ
   * @throws io.datom.core.exceptions.StoreException when the object cannot be read
   */
  static void run(SparkSession spark, HadoopStore store, Snapshot snapshot) {
    SparkContext sc = spark.sparkContext();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(sc);
    Broadcast<SerializableHadoopConf> conf = jsc.broadcast(new SerializableHadoopConf(store.conf()));
    String actual;
    try {
      actual = JobDescription.run(sc, "datom read " + snapshot.table() + ": verify " + snapshot.objectKey(),
          () -> jsc.parallelize(List.of(snapshot.objectKey()), 1)
              .map(new ObjectDigest(conf, store.storePath().toString()))
              .collect()
              .get(0));
    } catch (Exception e) { // a failed job's SparkException is checked, though Scala does not declare it
      // Spark wraps what the task threw; datom's own errors (an unreadable object) say more on their own.
      if (e.getCause() instanceof DatomException datom) {
        throw datom;
      }
      throw e;
    } finally {
      conf.destroy();
    }
    ParquetIntegrity.requireMatches(snapshot, actual);
  }

  /** The task: the SHA-256 of the object at a key of the store. */
  private record ObjectDigest(Broadcast<SerializableHadoopConf> conf, String storePath)
      implements Function<String, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public String call(String key) {
      return ParquetIntegrity.sha256(HadoopStore.at(storePath, conf.value().get()), key);
    }
  }
}
