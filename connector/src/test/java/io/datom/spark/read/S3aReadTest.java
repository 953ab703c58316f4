package io.datom.spark.read;

import static io.datom.spark.testing.Fixtures.DM_V1;
import static io.datom.spark.testing.Fixtures.DM_V2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.datom.core.exceptions.IntegrityCheckException;
import io.datom.core.testing.S3ProxyExtension;
import io.datom.core.testing.S3ProxyServer;
import io.datom.spark.testing.ExpectedRows;
import io.datom.spark.testing.Fixtures;
import io.datom.spark.testing.S3aSettings;
import io.datom.spark.testing.SparkTestBase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Reads over S3 (s3proxy) through {@code s3a://}, configured once on the session's Hadoop configuration: the driver's
 * metadata reads and the executors' parquet reads share it.
 */
@ExtendWith(S3ProxyExtension.class)
class S3aReadTest extends SparkTestBase {

  @TempDir static Path dir;
  private static S3ProxyServer s3;
  private static String bucket;
  private static String store;
  private static ExpectedRows expected;

  @BeforeAll
  static void uploadTheRProject(S3ProxyServer server) throws IOException {
    s3 = server;
    bucket = s3.createBucket();
    Path local = Fixtures.copyRStoreTo(dir.resolve("store"));
    try (Stream<Path> files = Files.walk(local)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String key = "trial/" + local.relativize(file).toString().replace('\\', '/');
        s3.client().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromFile(file));
      }
    }
    S3aSettings.of(s3).forEach(spark.sparkContext().hadoopConfiguration()::set);
    store = "s3a://" + bucket + "/trial";
    expected = Fixtures.expected();
  }

  private static DataFrameReader datom(String table) {
    return spark.read().format("datom").option("table", table);
  }

  @Test
  void readsCurrentVersionPrefixAndInstant() {
    assertEquals(expected.version(DM_V2).rows(), datom("dm").load(store).collectAsList());
    assertEquals(expected.version(DM_V1).rows(), datom("dm").option("version", DM_V1).load(store).collectAsList());
    assertEquals(expected.version(DM_V1).rows(), datom("dm").option("version", "939d").load(store).collectAsList());
    assertEquals(expected.version(DM_V1).rows(),
        datom("dm").option("asOf", "2026-11-22T02:28:27Z").load(store).collectAsList());
  }

  @Test
  void historyAndCatalogOverS3() {
    List<String> versions =
        datom("dm.history").load(store).select("version").as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
    assertEquals(List.of(DM_V2, DM_V1), versions);
    spark.conf().set("spark.sql.catalog.s3study", "io.datom.spark.DatomCatalog");
    spark.conf().set("spark.sql.catalog.s3study.store", store);
    List<Row> tables = sql("SHOW TABLES IN s3study");
    assertEquals(List.of("dm", "vs", "ex"), tables.stream().map(r -> r.getString(1)).toList());
    assertEquals(4L, sql("SELECT count(*) FROM s3study.dm VERSION AS OF '939d'").get(0).getLong(0));
  }

  @Test
  void fullVerificationReadsTheObjectOverS3() {
    assertEquals(5, datom("dm").option("verify", "full").load(store).count());
    s3.client().putObject(b -> b.bucket(bucket).key("trial/datom/vs/" + expected.version(Fixtures.VS_V1).dataSha()
        + ".parquet"), RequestBody.fromBytes(new byte[] {'P', 'A', 'R', '1'}));
    IntegrityCheckException e =
        assertThrows(IntegrityCheckException.class, () -> datom("vs").option("verify", "full").load(store).count());
    assertEquals("vs", e.table());
  }
}
