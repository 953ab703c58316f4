package io.datom.spark.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datom.core.WriteResult;
import io.datom.core.testing.BareGitRemote;
import io.datom.spark.testing.SparkTestBase;
import io.datom.spark.write.DatomWrites;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code datom_last_write()}: the session's last write as one row, whichever thread ran it (as a Spark Connect server
 * runs each request on a thread of its own), equal to {@link DatomWrites#lastResult(org.apache.spark.sql.SparkSession)}.
 */
class LastWriteFunctionTest extends SparkTestBase {

  @TempDir static Path dir;
  private static BareGitRemote remote;

  @BeforeAll
  static void catalog() {
    remote = BareGitRemote.createTemp();
    spark.conf().set("spark.sql.catalog.lw", "io.datom.spark.DatomCatalog");
    spark.conf().set("spark.sql.catalog.lw.store", dir.resolve("store").toString());
    spark.conf().set("spark.sql.catalog.lw.repo", remote.url());
    spark.conf().set("spark.sql.catalog.lw.project", "STUDY_LW");
  }

  @AfterAll
  static void deleteRemote() {
    remote.close();
  }

  @Test
  void theSessionsLastWriteIsOneRowWhicheverThreadWrote() throws Exception {
    CompletableFuture.runAsync(() -> spark.sql("SELECT id, concat('r', id) AS s FROM range(4)").writeTo("lw.lb")
        .createOrReplace()).get();

    List<Row> rows = spark.sql("SELECT * FROM datom_last_write()").collectAsList();

    WriteResult last = DatomWrites.lastResult(spark).orElseThrow();
    assertEquals(List.of(RowFactory.create("lb", "full", last.metadataSha(), last.dataSha(), 4L, last.commitSha(),
        last.uploaded())), rows);
    String version = spark.sql("SELECT version FROM lw.lb.history").first().getString(0);
    assertEquals(version, rows.get(0).getAs("version"));

    spark.sql("SELECT id, concat('r', id) AS s FROM range(4)").writeTo("lw.lb").createOrReplace();

    Row again = spark.sql("SELECT action, version FROM datom_last_write()").first();
    assertEquals("none", again.getString(0), "re-writing the same rows is a no-op");
    assertEquals(version, again.getString(1));
  }

  @Test
  void argumentsAreRefused() {
    AnalysisException refused = assertThrows(AnalysisException.class,
        () -> spark.sql("SELECT * FROM datom_last_write('lb')").collect());
    assertTrue(refused.getMessage().contains("datom_last_write()"), refused.getMessage());
  }
}
