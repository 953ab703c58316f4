package io.datom.spark.write;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datom.core.exceptions.CredentialsInUrlException;
import io.datom.spark.testing.SparkTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A token inside a {@code repo} URL is refused before anything runs, so it can never be written down. */
class CredentialsInUrlTest extends SparkTestBase {

  private static final String MARKER = "tok3n-marker-91c2";

  @TempDir Path dir;

  private static Dataset<Row> rows() {
    return spark.sql("SELECT id, concat('r', id) AS s FROM range(3)");
  }

  @Test
  void aWriteWithATokenInTheRepoUrlIsRefusedBeforeAnyJob() throws Exception {
    for (String url : new String[] {"https://git:" + MARKER + "@127.0.0.1:1/study.git",
        "https://" + MARKER + "@127.0.0.1:1/study.git"}) {
      CredentialsInUrlException e = assertThrows(CredentialsInUrlException.class, () -> rows().write()
          .format("datom").option("table", "dm").option("repo", url).option("project", "P").mode("overwrite")
          .save(dir.resolve("store").toString()));

      assertFalse(e.getMessage().contains(MARKER), e.getMessage());
      assertTrue(e.getMessage().contains("spark.datom.git.token"), e.getMessage());
      assertFalse(Files.exists(dir.resolve("store")), "nothing was written");
    }
  }

  @Test
  void aCatalogWhoseRepoCarriesATokenIsRefused() {
    spark.conf().set("spark.sql.catalog.leaky", "io.datom.spark.DatomCatalog");
    spark.conf().set("spark.sql.catalog.leaky.store", dir.resolve("store").toString());
    spark.conf().set("spark.sql.catalog.leaky.repo", "https://git:" + MARKER + "@127.0.0.1:1/study.git");
    try {
      Exception e = assertThrows(Exception.class, () -> spark.sql("SHOW TABLES IN leaky").collect());
      Throwable cause = e;
      while (cause != null && !(cause instanceof CredentialsInUrlException)) {
        cause = cause.getCause();
      }
      assertTrue(cause != null, "refused with CredentialsInUrlException, got " + e);
      assertFalse(cause.getMessage().contains(MARKER), cause.getMessage());
    } finally {
      spark.conf().unset("spark.sql.catalog.leaky");
      spark.conf().unset("spark.sql.catalog.leaky.store");
      spark.conf().unset("spark.sql.catalog.leaky.repo");
    }
  }

  @Test
  void aMisspelledCatalogSettingIsRefusedWithTheClosestOne() {
    spark.conf().set("spark.sql.catalog.typo", "io.datom.spark.DatomCatalog");
    spark.conf().set("spark.sql.catalog.typo.stor", dir.resolve("store").toString());
    try {
      Exception e = assertThrows(Exception.class, () -> spark.sql("SHOW TABLES IN typo").collect());
      Throwable cause = e;
      while (cause != null && !(cause instanceof io.datom.spark.exceptions.InvalidOptionsException)) {
        cause = cause.getCause();
      }
      assertTrue(cause != null, "refused with InvalidOptionsException, got " + e);
      assertTrue(cause.getMessage().contains("spark.sql.catalog.typo.stor"), cause.getMessage());
      assertTrue(cause.getMessage().contains("Did you mean 'store'?"), cause.getMessage());
    } finally {
      spark.conf().unset("spark.sql.catalog.typo");
      spark.conf().unset("spark.sql.catalog.typo.stor");
    }
  }
}
