package io.datom.spark.read;

import io.datom.core.ParquetIntegrity;
import io.datom.core.Snapshot;
import io.datom.core.VerificationRecords;
import io.datom.core.exceptions.StoreObjectNotFoundException;
import io.datom.core.store.ObjectIdentity;
import io.datom.spark.options.VerifyMode;
import io.datom.spark.store.HadoopStore;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a read's {@link VerifyMode} before its scan starts. A full check streams the whole object through SHA-256
 * in a one-task job ({@link VerifyJob}) and then leaves a {@linkplain VerificationRecords verification record} next to
 * the object. In {@code once} mode a read first asks the store for the object's identity (one metadata request):
 * an object this driver already checked with that identity is trusted at once; otherwise the record is read (one
 * request), and trusted only if it vouches for the object's current identity and the version's {@code parquet_sha}.
 * Anything else (no record, an unreadable one, an object replaced since) means a full check, which fails the read if
 * the bytes are not the recorded ones.
 */
final class IntegrityGate {

  private static final Logger LOG = LoggerFactory.getLogger(IntegrityGate.class);
  private static final int MAX_REMEMBERED = 10_000;

  private static final Map<VerifiedObject, Boolean> VERIFIED =
      Collections.synchronizedMap(
          new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<VerifiedObject, Boolean> eldest) {
              return size() > MAX_REMEMBERED;
            }
          });

  /** Stores this driver could not leave a record in: it says so once per store, not on every read. */
  private static final Set<String> UNRECORDABLE = ConcurrentHashMap.newKeySet();

  private IntegrityGate() {}

  /** Checks {@code snapshot}'s object in {@code store} if {@code mode}, the remembered checks and the record require it. */
  static void check(VerifyMode mode, SparkSession spark, HadoopStore store, Snapshot snapshot) {
    if (mode == VerifyMode.NONE || !ParquetIntegrity.isRecorded(snapshot)) {
      return; // an absent parquet_sha is R's pre-cv1 grace: nothing to check against
    }
    ObjectIdentity identity =
        store.identity(snapshot.objectKey())
            .orElseThrow(() -> StoreObjectNotFoundException.versionObject(store.describe(), snapshot.objectKey(),
                snapshot.table(), snapshot.version()));
    VerifiedObject object = new VerifiedObject(store.pathOf(snapshot.objectKey()).toString(),
        snapshot.parquetSha().get(), identity);
    if (mode == VerifyMode.ONCE
        && (VERIFIED.containsKey(object) || VerificationRecords.vouchFor(store, snapshot, identity))) {
      VERIFIED.put(object, Boolean.TRUE);
      return;
    }
    VerifyJob.run(spark, store, snapshot);
    record(store, snapshot, identity);
    VERIFIED.put(object, Boolean.TRUE);
  }

  /** Forgets what this driver verified, as a new driver would start: for tests of the durable records. */
  static void forgetVerifiedObjects() {
    VERIFIED.clear();
  }

  // The identity was taken before the bytes were hashed: an object replaced in between has another identity, so the
  // record cannot vouch for bytes nobody hashed.
  private static void record(HadoopStore store, Snapshot snapshot, ObjectIdentity identity) {
    try {
      VerificationRecords.record(store, snapshot.objectKey(), snapshot.parquetSha().get(), identity, "reader",
          Clock.systemUTC());
    } catch (RuntimeException e) { // a StoreException, or whatever else a file system throws: never the read's failure
      if (UNRECORDABLE.add(store.describe())) {
        LOG.warn("Could not leave a verification record in {} ({}); reads go on, but each new driver will check "
            + "the objects of this store in full.", store.describe(), e.getMessage());
      }
    }
  }

  private record VerifiedObject(String path, String parquetSha, ObjectIdentity identity) {}
}
