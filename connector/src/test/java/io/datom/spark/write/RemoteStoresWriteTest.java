package io.datom.spark.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datom.core.DatomProject;
import io.datom.core.Snapshot;
import io.datom.core.VerificationRecords;
import io.datom.core.VersionSpec;
import io.datom.core.WriteResult;
import io.datom.core.hash.Sha256;
import io.datom.core.internal.format.MetadataSha;
import io.datom.core.store.Store;
import io.datom.core.testing.BareGitRemote;
import io.datom.core.testing.GitHttpServer;
import io.datom.core.testing.S3ProxyExtension;
import io.datom.core.testing.S3ProxyServer;
import io.datom.spark.options.DatomWriteOptions;
import io.datom.spark.task.ExecutorConf;
import io.datom.spark.task.PartFormat;
import io.datom.spark.testing.S3aSettings;
import io.datom.spark.testing.SparkTestBase;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Writes into an S3 store through {@code s3a://} (s3proxy), configured once on the session's Hadoop configuration,
 * with the data repository behind a git HTTP server that requires a token, given as {@code spark.datom.git.token}.
 */
@ExtendWith(S3ProxyExtension.class)
class RemoteStoresWriteTest extends SparkTestBase {

  private static final String TOKEN = "test-token-5b1f0d";

  private static S3ProxyServer s3;
  private static GitHttpServer git;
  private static TestProjectRemote project;

  @BeforeAll
  static void remotes(S3ProxyServer server) {
    s3 = server;
    S3aSettings.of(s3).forEach(spark.sparkContext().hadoopConfiguration()::set);
    git = GitHttpServer.start(TOKEN);
    BareGitRemote remote = git.createRepository("study");
    project = new TestProjectRemote(spark, remote, remote.url(), "s3a://" + s3.createBucket() + "/trial");
    spark.conf().set(DatomWriteOptions.GIT_TOKEN_CONF, TOKEN);
  }

  @AfterAll
  static void stop() {
    spark.conf().unset(DatomWriteOptions.GIT_TOKEN_CONF);
    project.close();
    git.close();
  }

  private static Dataset<Row> labs(int n) {
    return spark.sql("SELECT concat('S', id) AS usubjid, id * 0.25 AS value, timestamp_micros(id * 999) AS ts "
        + "FROM range(0, " + n + ", 1, 3)");
  }

  @Test
  void writesReadsAndRecognisesTheSameContentOverS3AndTokenHttp() throws Exception {
    WriteResult written = project.overwrite(labs(40), "lb");
    WriteResult again = project.overwrite(labs(40), "lb");

    assertEquals("full", written.action().rName());
    assertEquals("none", again.action().rName());
    assertEquals(labs(40).collectAsList(), project.read("lb", written.metadataSha()).collectAsList());
    assertEquals(written.metadataSha(), MetadataSha.of(project.metadata("lb").json()));
    String key = "trial/datom/lb/" + written.dataSha() + ".parquet";
    byte[] object = s3.client().getObjectAsBytes(b -> b.bucket(project.store().substring(6, project.store()
        .indexOf('/', 6))).key(key)).asByteArray();
    assertEquals(Sha256.hex(object), written.parquetSha().orElseThrow());
    // The writer vouches for the object it placed, so that no reader needs to stream it to check it.
    Store store = project.openStore();
    Snapshot current = DatomProject.open(store).table("lb").snapshot(VersionSpec.current());
    assertTrue(VerificationRecords.vouchFor(store, current, store.identity(current.objectKey()).orElseThrow()));
    // S3 objects carry no trailing newline (format §2.1); only the staging area is gone.
    assertFalse(new String(project.openStore().read("lb/.metadata/metadata.json").orElseThrow()).endsWith("\n"));
    assertTrue(project.openStore().list("lb/.staging").isEmpty());
    // Not even the empty-directory marker s3a leaves when the last directory under a prefix is deleted.
    String bucket = project.store().substring(6, project.store().indexOf('/', 6));
    List<String> staging = s3.client().listObjectsV2(b -> b.bucket(bucket).prefix("trial/datom/lb/.staging"))
        .contents().stream().map(o -> o.key()).toList();
    assertEquals(List.of(), staging);
  }

  @Test
  void theTokenStaysOnTheDriver() {
    assertEquals(null, ExecutorConf.of(spark).get(DatomWriteOptions.GIT_TOKEN_CONF));
    assertEquals(null, PartFormat.configure(spark, labs(1).schema()).get(DatomWriteOptions.GIT_TOKEN_CONF));
    assertEquals(TOKEN, spark.sessionState().newHadoopConf().get(DatomWriteOptions.GIT_TOKEN_CONF));
  }

  @Test
  void theTokenIsRedactedWhereSparkShowsConfiguration() {
    List<Row> settings = spark.sql("SET").collectAsList();

    Row token = settings.stream().filter(r -> r.getString(0).equals(DatomWriteOptions.GIT_TOKEN_CONF))
        .findFirst().orElseThrow();
    assertFalse(token.getString(1).contains(TOKEN), token.toString());
  }
}
