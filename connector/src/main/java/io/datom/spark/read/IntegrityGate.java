package io.datom.spark.read;

import io.datom.core.ParquetIntegrity;
import io.datom.core.Snapshot;
import io.datom.core.exceptions.StoreObjectNotFoundException;
import io.datom.spark.options.VerifyMode;
import io.datom.spark.store.HadoopStore;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.fs.FileStatus;
import org.apache.spark.sql.SparkSession;

/**
 * Applies a read's {@link VerifyMode} before its scan starts. A check streams the whole object through SHA-256 in a
 * one-task job ({@link VerifyJob}). In {@code once} mode this driver remembers each object it verified, keyed by
 * path, expected {@code parquet_sha}, length and modification time, so later reads of it cost one status call instead
 * of a second full read; an object replaced in place is checked again.
 */
final class IntegrityGate {

  private static final int MAX_REMEMBERED = 10_000;

  private static final Map<VerifiedObject, Boolean> VERIFIED =
      Collections.synchronizedMap(
          new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<VerifiedObject, Boolean> eldest) {
              return size() > MAX_REMEMBERED;
            }
          });

  private IntegrityGate() {}

  /** Checks {@code snapshot}'s object in {@code store} if {@code mode} and the remembered checks require it. */
  static void check(VerifyMode mode, SparkSession spark, HadoopStore store, Snapshot snapshot) {
    if (mode == VerifyMode.NONE || !ParquetIntegrity.isRecorded(snapshot)) {
      return; // an absent parquet_sha is R's pre-cv1 grace: nothing to check against
    }
    FileStatus status =
        store.status(snapshot.objectKey())
            .orElseThrow(() -> StoreObjectNotFoundException.versionObject(store.describe(), snapshot.objectKey(),
                snapshot.table(), snapshot.version()));
    if (mode == VerifyMode.FULL) {
      VerifyJob.run(spark, store, snapshot);
      return;
    }
    VerifiedObject object =
        new VerifiedObject(
            status.getPath().toString(), snapshot.parquetSha().get(), status.getLen(), status.getModificationTime());
    if (!VERIFIED.containsKey(object)) {
      VerifyJob.run(spark, store, snapshot);
      VERIFIED.put(object, Boolean.TRUE);
    }
  }

  private record VerifiedObject(String path, String parquetSha, long length, long modificationTime) {}
}
