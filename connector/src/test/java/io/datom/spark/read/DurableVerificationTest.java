package io.datom.spark.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datom.core.VerificationRecords;
import io.datom.core.exceptions.IntegrityCheckException;
import io.datom.core.testing.S3ProxyExtension;
import io.datom.core.testing.S3ProxyServer;
import io.datom.spark.testing.Fixtures;
import io.datom.spark.testing.S3aSettings;
import io.datom.spark.testing.SparkTestBase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * {@code verify=once} across drivers: a version checked in full leaves a verification record next to its object, and
 * a new driver (here: this driver with its in-memory list of verified objects forgotten) trusts the record instead of
 * streaming the object again, as long as the store reports the object as it was when it was checked. R's fixture
 * store has no records, as R writes none. Local store and s3a on s3proxy.
 */
@ExtendWith(S3ProxyExtension.class)
class DurableVerificationTest extends SparkTestBase {

  private static final String OBJECT = "dm/" + Fixtures.DM_V2_DATA + ".parquet";
  private static final String RECORD = VerificationRecords.keyOf(OBJECT);

  private static S3ProxyServer s3;
  @TempDir Path dir;

  @BeforeAll
  static void s3a(S3ProxyServer server) {
    s3 = server;
    S3aSettings.of(s3).forEach(spark.sparkContext().hadoopConfiguration()::set);
  }

  @Test
  void aNewDriverTrustsTheRecordOfAnUnchangedObjectOnALocalStore() throws IOException {
    String store = localStore();
    assertEquals(1, verifyJobs(() -> count(store)), "R wrote no record: the first read checks in full");
    String record = Files.readString(dir.resolve("store/datom/" + RECORD));
    assertTrue(record.contains("\"parquet_sha\": \"f413246e524586e9b93bd3e0d1b6e190e30c2ba76a830bd750d744abd2d146e8\""),
        record);
    assertTrue(record.contains("\"verified_by\": \"reader\""), record);

    IntegrityGate.forgetVerifiedObjects();
    assertEquals(0, verifyJobs(() -> count(store)), "a new driver reads the record, not the object");
    assertEquals(0, verifyJobs(() -> count(store)), "and then remembers it");
    IntegrityGate.forgetVerifiedObjects();
    assertEquals(1, verifyJobs(() -> countWith(store, "full")), "verify=full ignores records");
  }

  @Test
  void aReplacedObjectIsCheckedAgainAndFailsTheReadOnALocalStore() throws IOException {
    String store = localStore();
    Path object = dir.resolve("store/datom/" + OBJECT);
    count(store);
    tamper(object);
    Files.setLastModifiedTime(object, FileTime.fromMillis(Files.getLastModifiedTime(object).toMillis() + 5_000));
    IntegrityGate.forgetVerifiedObjects();
    IntegrityCheckException e = assertThrows(IntegrityCheckException.class, () -> count(store),
        "same size, other bytes, rewritten later");
    assertEquals(OBJECT, e.key());
    assertThrows(IntegrityCheckException.class, () -> count(store), "and on every read after it");

    // Another valid parquet object (another version's) put in its place: a different size.
    Path other = dir.resolve("store/datom/dm").resolve(otherObject(dir.resolve("store/datom/dm")));
    Files.copy(other, object, StandardCopyOption.REPLACE_EXISTING);
    IntegrityGate.forgetVerifiedObjects();
    assertThrows(IntegrityCheckException.class, () -> count(store));
  }

  @Test
  void aMissingOrCorruptRecordMeansAFullCheckAndANewRecord() throws IOException {
    String store = localStore();
    Path record = dir.resolve("store/datom/" + RECORD);
    count(store);
    Files.delete(record);
    IntegrityGate.forgetVerifiedObjects();
    assertEquals(1, verifyJobs(() -> count(store)));
    assertTrue(Files.exists(record), "the full check left a new record");

    Files.writeString(record, "{\"kind\": \"datom verification record 1\", \"parquet_sha\": tru");
    IntegrityGate.forgetVerifiedObjects();
    assertEquals(1, verifyJobs(() -> count(store)), "an unreadable record vouches for nothing");
    IntegrityGate.forgetVerifiedObjects();
    assertEquals(0, verifyJobs(() -> count(store)), "and was replaced by a good one");

    // A record claiming another parquet_sha (say, copied from elsewhere) is not trusted either.
    Files.writeString(record, Files.readString(record).replace("f413246e", "0000000e"));
    IntegrityGate.forgetVerifiedObjects();
    assertEquals(1, verifyJobs(() -> count(store)));
  }

  @Test
  void aReaderThatCannotWriteTheStoreStillReadsAndChecksInFull() throws IOException {
    String store = localStore();
    // A file where the records' folder would be: no record can be written (file permissions do not stop root).
    Files.writeString(dir.resolve("store/datom/dm/.verified"), "not a folder");
    assertEquals(1, verifyJobs(() -> assertEquals(5, count(store))));
    IntegrityGate.forgetVerifiedObjects();
    assertEquals(1, verifyJobs(() -> assertEquals(5, count(store))), "no record: each new driver checks in full");
    assertEquals(0, verifyJobs(() -> count(store)), "but only once per driver");
  }

  @Test
  void overS3aARecordIsTrustedUntilTheObjectIsReplacedEvenWithTheSameSize() throws IOException {
    String bucket = s3.createBucket();
    Path local = Fixtures.copyRStoreTo(dir.resolve("s3-source"));
    try (Stream<Path> files = Files.walk(local)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String key = "trial/" + local.relativize(file).toString().replace('\\', '/');
        s3.client().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromFile(file));
      }
    }
    String store = "s3a://" + bucket + "/trial";
    assertEquals(1, verifyJobs(() -> count(store)));
    String record = s3.client().getObjectAsBytes(b -> b.bucket(bucket).key("trial/datom/" + RECORD)).asUtf8String();
    assertTrue(record.contains("\"identity\": \"etag="), record);
    IntegrityGate.forgetVerifiedObjects();
    assertEquals(0, verifyJobs(() -> count(store)), "a new driver: one HEAD and one record read");

    // Same key, same size, other bytes: S3 gives the object a new ETag.
    Path tampered = dir.resolve("tampered.parquet");
    Files.copy(local.resolve("datom/" + OBJECT), tampered);
    tamper(tampered);
    s3.client().putObject(b -> b.bucket(bucket).key("trial/datom/" + OBJECT), RequestBody.fromFile(tampered));
    IntegrityGate.forgetVerifiedObjects();
    assertThrows(IntegrityCheckException.class, () -> count(store));

    // The record gone: a full check, which fails for these bytes too.
    s3.client().deleteObject(b -> b.bucket(bucket).key("trial/datom/" + RECORD));
    IntegrityGate.forgetVerifiedObjects();
    assertThrows(IntegrityCheckException.class, () -> count(store));
    assertFalse(s3.client().listObjectsV2(b -> b.bucket(bucket).prefix("trial/datom/" + RECORD)).contents()
        .stream().findAny().isPresent(), "no record vouches for bytes that failed");
  }

  private String localStore() {
    return Fixtures.copyRStoreTo(dir.resolve("store")).toString();
  }

  private static long count(String store) {
    return countWith(store, "once");
  }

  private static long countWith(String store, String verify) {
    return spark.read().format("datom").option("table", "dm").option("verify", verify).load(store).count();
  }

  /** How many {@link VerifyJob}s Spark ran while {@code read} ran. */
  private static int verifyJobs(Runnable read) {
    AtomicInteger jobs = new AtomicInteger();
    SparkListener listener = new SparkListener() {
      @Override
      public void onJobStart(SparkListenerJobStart job) {
        if (String.valueOf(job.properties().getProperty("spark.job.description")).startsWith("datom read dm: verify ")) {
          jobs.incrementAndGet();
        }
      }
    };
    spark.sparkContext().addSparkListener(listener);
    try {
      read.run();
      drainListenerBus();
    } finally {
      spark.sparkContext().removeSparkListener(listener);
    }
    return jobs.get();
  }

  // Spark 3.5 declares a checked TimeoutException here; later lines may not.
  private static void drainListenerBus() {
    try {
      spark.sparkContext().listenerBus().waitUntilEmpty();
    } catch (Exception e) {
      throw new IllegalStateException("Spark's listener bus did not drain", e);
    }
  }

  /** The other parquet object of table dm in R's fixture (version 1's). */
  private static String otherObject(Path table) throws IOException {
    try (Stream<Path> files = Files.list(table)) {
      return files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".parquet") && !n.startsWith(Fixtures.DM_V2_DATA)).findFirst().orElseThrow();
    }
  }

  /** One letter of the footer's created_by moved on: same size, still a parquet file, other bytes. */
  private static void tamper(Path object) throws IOException {
    byte[] bytes = Files.readAllBytes(object);
    int at = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("arquet-cpp-arrow") - 1;
    bytes[at]++;
    Files.write(object, bytes);
  }
}
