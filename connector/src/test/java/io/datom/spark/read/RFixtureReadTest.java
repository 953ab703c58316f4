package io.datom.spark.read;

import static io.datom.spark.testing.Fixtures.DM_V1;
import static io.datom.spark.testing.Fixtures.DM_V2;
import static io.datom.spark.testing.Fixtures.EX_V1;
import static io.datom.spark.testing.Fixtures.VS_V1;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.datom.spark.DatomDataSource;
import io.datom.spark.testing.ExpectedRows;
import io.datom.spark.testing.Fixtures;
import io.datom.spark.testing.SparkTestBase;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code format("datom")} over the project the R package wrote: every version, every way of selecting it. */
class RFixtureReadTest extends SparkTestBase {

  @TempDir static Path dir;
  private static String store;
  private static ExpectedRows expected;

  @BeforeAll
  static void copyFixture() {
    store = Fixtures.copyRStoreTo(dir.resolve("r store")).toString();
    expected = Fixtures.expected();
  }

  private static DataFrameReader datom(String table) {
    return spark.read().format("datom").option("table", table);
  }

  @Test
  void readsTheCurrentVersionWithArrowsTypes() {
    Dataset<Row> dm = datom("dm").load(store);
    StructType schema = dm.schema();
    assertEquals(List.of("USUBJID", "ARM", "AGE", "HEIGHT", "ITTFL", "RFSTDT", "RFSTDTM"), List.of(schema.fieldNames()));
    assertEquals(DataTypes.StringType, schema.apply("ARM").dataType(), "arrow's dictionary-encoded factor");
    assertEquals(DataTypes.TimestampType, schema.apply("RFSTDTM").dataType(), "POSIXct UTC");
    assertEquals(DataTypes.DateType, schema.apply("RFSTDT").dataType());
    assertRows(DM_V2, dm);
  }

  @Test
  void readsEveryVersionByFullShaAndByPrefix() {
    for (ExpectedRows.Version v : List.of(expected.version(DM_V1), expected.version(DM_V2))) {
      assertRows(v.version(), datom("dm").option("version", v.version()).load(store));
      assertRows(v.version(), datom("dm").option("version", v.version().substring(0, 6)).load(store));
    }
    assertRows(VS_V1, datom("vs").option("version", VS_V1).load(store));
    assertRows(EX_V1, datom("ex").load(store));
  }

  @Test
  void sparkTimeTravelOptionsAreTheSameSelection() {
    assertRows(DM_V1, datom("dm").option("versionAsOf", "939d60").load(store));
    assertRows(DM_V1, datom("dm").option("timestampAsOf", "2026-11-22 02:28:27").load(store));
    assertRows(DM_V1, datom("dm").option("asOf", "2026-11-22T02:28:28Z").load(store));
    assertRows(DM_V2, datom("dm").option("asOf", "2026-11-22T02:28:29Z").load(store));
    assertRows(DM_V2, datom("dm").option("version", "f707").option("versionAsOf", "f707").load(store));
  }

  @Test
  void theStoreMayBeGivenAsAnOption() {
    assertRows(DM_V2, datom("dm").option("store", store).load());
  }

  @Test
  void int64AndDurationColumnsReadAsBigint() {
    StructType vs = datom("vs").load(store).schema();
    assertEquals(DataTypes.LongType, vs.apply("COUNT64").dataType());
    StructType ex = datom("ex").load(store).schema();
    assertEquals(DataTypes.LongType, ex.apply("EXDUR").dataType());
  }

  @Test
  void historyIsATableNewestFirst() {
    List<Row> history =
        datom("dm.history").load(store).select("version", "message", "nrow", "ncol", "author.name").collectAsList();
    assertEquals(2, history.size());
    assertEquals(List.of(DM_V2, "DM cut 2", 5L, 7, "Seed 16429c8a maintainers"), values(history.get(0)));
    assertEquals(List.of(DM_V1, "DM cut 1", 4L, 7, "Seed 16429c8a maintainers"), values(history.get(1)));
    Row first = datom("dm.history").load(store).collectAsList().get(0);
    assertEquals(Fixtures.DM_V2_DATA, first.getAs("data_sha"));
    assertEquals("f413246e524586e9b93bd3e0d1b6e190e30c2ba76a830bd750d744abd2d146e8", first.getAs("parquet_sha"));
    assertEquals(java.time.Instant.parse(Fixtures.DM_V2_AT), first.getAs("timestamp"));
  }

  @Test
  void readsThroughACatalogOnTheSameStore() {
    withSQLConf(
        Map.of("spark.sql.catalog.fixture", "io.datom.spark.DatomCatalog", "spark.sql.catalog.fixture.store", store),
        () -> {
          assertRows(DM_V2, spark.table("fixture.dm"));
          return null;
        });
  }

  @Test
  void anyStoreIsQueryableByPathThroughThePathCatalog() {
    datom("dm").load(store); // registers the path catalog in the session, as every format("datom") read does
    assertEquals(4L, sql("SELECT count(*) FROM datom_paths.`%s`.dm VERSION AS OF '939d'", store).get(0).getLong(0));
    assertEquals(2L, sql("SELECT count(*) FROM datom_paths.`%s`.dm.history", store).get(0).getLong(0));
  }

  @Test
  void theProviderResolvesTheSameTableOutsideTheCatalogPath() {
    Table table = new DatomDataSource().getTable(null, new Transform[0],
        Map.of("path", store, "table", "dm", "version", "939d"));
    assertEquals("dm@" + DM_V1, table.name());
    assertEquals(List.of(expected.version(DM_V1).columns().toArray(String[]::new)),
        List.of(new DatomDataSource().inferSchema(new CaseInsensitiveStringMap(Map.of("path", store, "table", "dm")))
            .fieldNames()));
  }

  private static void assertRows(String version, Dataset<Row> actual) {
    ExpectedRows.Version v = expected.version(version);
    assertEquals(v.columns(), List.of(actual.columns()));
    assertEquals(v.rows(), actual.collectAsList(), "rows of " + v.table() + "@" + version);
  }

  private static List<Object> values(Row row) {
    return List.of(row.get(0), row.get(1), row.get(2), row.get(3), row.get(4));
  }
}
