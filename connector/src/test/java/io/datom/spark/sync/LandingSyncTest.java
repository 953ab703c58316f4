package io.datom.spark.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datom.core.internal.format.TableMetadata;
import io.datom.core.internal.format.VersionHistory;
import io.datom.core.testing.BareGitRemote;
import io.datom.spark.DatomSync;
import io.datom.spark.landing.XptWriter;
import io.datom.spark.testing.Fixtures;
import io.datom.spark.testing.SparkTestBase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A landing folder with CSV, parquet, a {@code .sas7bdat} and two {@code .xpt} files (and one unsupported file),
 * synced three times into a project with a local store and a bare git remote: the first sync imports every file; the
 * second sees one file changed and one re-exported with other bytes but the same content; the third sees nothing
 * changed and reads no rows.
 */
class LandingSyncTest extends SparkTestBase {

  private static final String PROJECT = "STUDY_SYNC";

  @TempDir
  Path dir;

  @Test
  void threeSyncsOfOneLandingFolder() throws IOException {
    Path landing = Files.createDirectories(dir.resolve("landing"));
    String store = dir.resolve("store").toString();
    try (BareGitRemote remote = BareGitRemote.createTemp()) {
      Map<String, String> options = Map.of("repo", remote.url(), "project", PROJECT);
      Files.writeString(landing.resolve("dm.csv"), "USUBJID,AGE,RFSTDTC\nS1,34,2026-01-02\nS2,51,2026-02-03\n");
      writeParquet(landing.resolve("lb.parquet"));
      Files.copy(Fixtures.resource("sas-samples/mixed_data_one.sas7bdat"), landing.resolve("mixed.sas7bdat"));
      Files.copy(Fixtures.resource("sas-samples/adtte.xpt"), landing.resolve("adtte.xpt"));
      Files.write(landing.resolve("vs.xpt"), vsXpt(120.0));
      Files.writeString(landing.resolve("notes.docx"), "not a table");

      // 1. First sync: everything new and imported.
      Map<String, Row> first = byName(DatomSync.sync(spark, store, options, landing.toString()).collectAsList());
      assertEquals(List.of("adtte", "dm", "lb", "mixed", "notes", "vs"), new ArrayList<>(first.keySet()));
      for (String table : List.of("adtte", "dm", "lb", "mixed", "vs")) {
        assertEquals("new", first.get(table).getAs("status"), table);
        assertEquals("full", first.get(table).getAs("action"), table + ": " + first.get(table).getAs("error"));
      }
      assertEquals("unsupported_format", first.get("notes").getAs("status"));
      assertEquals("refused", first.get("notes").getAs("action"));
      assertEquals(2L, (long) first.get("dm").getAs("rows"));
      assertEquals(254L, (long) first.get("adtte").getAs("rows"));
      assertEquals(24L, (long) first.get("mixed").getAs("rows"));
      assertEquals(3L, (long) first.get("vs").getAs("rows"));

      // What R's datom_sync writes: imported, the file's sha and format, self-lineage, "Sync {name} (new)".
      TableMetadata dm = metadata(store, "dm");
      String dmJson = dm.toJson().replaceAll("\\s", "");
      assertEquals("imported", dm.tableType().orElseThrow());
      String dmSha = first.get("dm").getAs("original_file_sha");
      assertEquals(sha256(landing.resolve("dm.csv")), dmSha);
      assertTrue(dmJson.contains("\"original_file_sha\":\"" + dmSha + "\""), dmJson);
      assertTrue(dmJson.contains("\"source_lineage\":[{\"project\":\"" + PROJECT + "\",\"table\":\"dm\","
          + "\"version_sha\":\"" + dm.dataSha().orElseThrow() + "\"}]"), dmJson);
      assertTrue(!dmJson.contains("\"parents\""), dmJson);
      assertEquals("Sync dm (new)", history(store, "dm").entries().get(0).commitMessage().orElseThrow());
      String manifest = text(store, ".metadata/manifest.json").replaceAll("\\s", "");
      assertTrue(manifest.contains("\"original_format\":\"csv\"") && manifest.contains("\"original_format\":\"xpt\"")
          && manifest.contains("\"original_format\":\"sas7bdat\""), manifest);
      // The imports read back with the documented types.
      Row dmRow = spark.read().format("datom").option("table", "dm").load(store).orderBy("USUBJID").first();
      assertEquals("S1", dmRow.getAs("USUBJID"));
      assertEquals(34, (int) dmRow.getAs("AGE"));
      assertEquals(java.time.LocalDate.of(2026, 1, 2), dmRow.getAs("RFSTDTC"));
      StructType vsSchema = spark.read().format("datom").option("table", "vs").load(store).schema();
      assertEquals(DataTypes.DoubleType, vsSchema.apply("VSSTRESN").dataType());
      assertEquals(DataTypes.DateType, vsSchema.apply("VSDT").dataType());
      assertEquals(DataTypes.StringType, vsSchema.apply("USUBJID").dataType());

      // 2. dm.csv re-exported with quotes and CRLF (other bytes, same content); vs.xpt changed; the rest untouched.
      Files.writeString(landing.resolve("dm.csv"),
          "\"USUBJID\",\"AGE\",\"RFSTDTC\"\r\n\"S1\",34,2026-01-02\r\n\"S2\",51,2026-02-03\r\n");
      Files.write(landing.resolve("vs.xpt"), vsXpt(121.5));
      Map<String, Row> second = byName(DatomSync.sync(spark, store, options, landing.toString()).collectAsList());
      assertEquals("changed", second.get("dm").getAs("status"));
      assertEquals("metadata_only", second.get("dm").getAs("action"));
      assertEquals((String) first.get("dm").getAs("data_sha"), second.get("dm").getAs("data_sha"));
      assertNotEquals((String) first.get("dm").getAs("version"), second.get("dm").getAs("version"));
      assertEquals("Sync dm (changed)", history(store, "dm").entries().get(0).commitMessage().orElseThrow());
      assertEquals("changed", second.get("vs").getAs("status"));
      assertEquals("full", second.get("vs").getAs("action"));
      assertNotEquals((String) first.get("vs").getAs("data_sha"), second.get("vs").getAs("data_sha"));
      for (String table : List.of("adtte", "lb", "mixed")) {
        assertEquals("unchanged", second.get(table).getAs("status"), table);
        assertEquals("skipped", second.get(table).getAs("action"), table);
        assertEquals((String) first.get(table).getAs("version"), second.get(table).getAs("version"), table);
        assertNull(second.get(table).getAs("rows"), table);
      }

      // 3. Nothing changed, through SQL: every file unchanged, and the only Spark job is the one hashing the files.
      String head = remote.head("master").orElseThrow();
      JobCounter jobs = JobCounter.install();
      List<Row> third;
      try {
        third = spark.sql(String.format("SELECT * FROM datom_sync('%s', '%s', '%s')", store, remote.url(), landing))
            .collectAsList();
      } finally {
        jobs.stop();
      }
      Map<String, Row> thirdByName = byName(third);
      for (String table : List.of("adtte", "dm", "lb", "mixed", "vs")) {
        assertEquals("unchanged", thirdByName.get(table).getAs("status"), table);
        assertEquals((String) second.get(table).getAs("version"), thirdByName.get(table).getAs("version"), table);
      }
      assertEquals(List.of("datom sync " + landing + ": hash 6 files"), jobs.descriptions);
      assertEquals(head, remote.head("master").orElseThrow(), "a sync with nothing changed commits nothing");
    }
  }

  @Test
  void aLandingFolderWhoseNameLooksLikeAPatternIsReadAsItself() throws IOException {
    Path landing = Files.createDirectories(dir.resolve("extract {2026} [v1] *"));
    Files.createDirectories(dir.resolve("extract 2026 v *"));
    Files.writeString(dir.resolve("extract 2026 v *").resolve("dm.csv"), "USUBJID\nDECOY\n");
    Files.writeString(landing.resolve("dm.csv"), "USUBJID,AGE\nS1,34\nS2,51\nS3,47\n");
    writeParquet(landing.resolve("lb.parquet"));
    String store = dir.resolve("store").toString();
    try (BareGitRemote remote = BareGitRemote.createTemp()) {
      Map<String, String> options = Map.of("repo", remote.url(), "project", PROJECT);

      Map<String, Row> synced = byName(DatomSync.sync(spark, store, options, landing.toString()).collectAsList());

      assertEquals("full", synced.get("dm").getAs("action"), synced.get("dm").<String>getAs("error"));
      assertEquals(3L, (long) synced.get("dm").getAs("rows"));
      assertEquals("full", synced.get("lb").getAs("action"), synced.get("lb").<String>getAs("error"));
      assertEquals(List.of("S1", "S2", "S3"), spark.read().format("datom").option("table", "dm").load(store)
          .orderBy("USUBJID").collectAsList().stream().map(r -> r.getString(0)).toList());
    }
  }

  @Test
  void aFileThatCannotBeImportedIsReportedWithoutItsValuesAndTheOthersGoOn() throws IOException {
    Path landing = Files.createDirectories(dir.resolve("landing"));
    Files.writeString(landing.resolve("ae.csv"), "USUBJID,AESEQ\nS1,1\nSUBJECT-0042-SECRET,2,extra,fields\n");
    Files.writeString(landing.resolve("qs.sav"), "not read");
    Files.writeString(landing.resolve("dm.csv"), "USUBJID\nS1\n");
    Files.writeString(landing.resolve("ex.csv"), "EXDOSE,EXDOSE,\n10,20,30\n");
    String store = dir.resolve("store").toString();
    try (BareGitRemote remote = BareGitRemote.createTemp()) {
      Map<String, String> options = Map.of("repo", remote.url(), "project", PROJECT);

      Map<String, Row> synced = byName(DatomSync.sync(spark, store, options, landing.toString()).collectAsList());

      assertEquals("error", synced.get("ae").getAs("action"));
      String aeError = synced.get("ae").getAs("error");
      assertTrue(aeError.startsWith("MalformedLandingFileException: ae.csv has a row that does not fit its header")
          && !aeError.contains("SECRET"), aeError);
      assertEquals("full", synced.get("ex").getAs("action"), synced.get("ex").<String>getAs("error"));
      assertEquals(List.of("EXDOSE0", "EXDOSE1", "_c2"), List.of(spark.read().format("datom").option("table", "ex")
          .load(store).columns()));
      assertEquals("error", synced.get("qs").getAs("action"));
      assertTrue(synced.get("qs").<String>getAs("error").contains("does not import .sav files"));
      assertEquals("full", synced.get("dm").getAs("action"));
      assertTrue(Files.isDirectory(Path.of(store, "datom", "dm")));
      assertTrue(Files.notExists(Path.of(store, "datom", "ae", ".metadata")), "a failed import leaves no version");
    }
  }

  @Test
  void aSubdirectoryIsRefusedBeforeAnythingIsWritten() throws IOException {
    Path landing = Files.createDirectories(dir.resolve("landing"));
    Files.writeString(landing.resolve("dm.csv"), "A\n1\n");
    Files.createDirectories(landing.resolve("old"));
    try (BareGitRemote remote = BareGitRemote.createTemp()) {
      InvalidLandingFolderException e = assertThrows(InvalidLandingFolderException.class, () -> DatomSync.sync(spark,
          dir.resolve("store").toString(), Map.of("repo", remote.url(), "project", PROJECT), landing.toString()));
      assertTrue(e.getMessage().contains("subdirectory, old"), e.getMessage());
      assertTrue(remote.head("master").isEmpty(), "nothing was committed");
    }
  }

  @Test
  void aCsvGivesTheSameDataShaHoweverSparkSplitsIt() throws IOException {
    Path landing = Files.createDirectories(dir.resolve("landing"));
    StringBuilder csv = new StringBuilder("ID,NAME,VALUE\n");
    for (int i = 0; i < 5000; i++) {
      csv.append(i).append(",n").append(i).append(',').append(i * 0.25).append('\n');
    }
    Files.writeString(landing.resolve("big.csv"), csv);
    String whole;
    String split;
    try (BareGitRemote one = BareGitRemote.createTemp(); BareGitRemote two = BareGitRemote.createTemp()) {
      whole = DatomSync.sync(spark, dir.resolve("s1").toString(), Map.of("repo", one.url(), "project", PROJECT),
          landing.toString()).first().getAs("data_sha");
      split = withSQLConf(Map.of("spark.sql.files.maxPartitionBytes", "4096", "spark.sql.files.openCostInBytes",
          "0"), () -> DatomSync.sync(spark, dir.resolve("s2").toString(), Map.of("repo", two.url(), "project",
          PROJECT), landing.toString()).first().<String>getAs("data_sha"));
    }
    assertEquals(whole, split);
  }

  private static byte[] vsXpt(double lastValue) {
    List<XptWriter.Var> vars = List.of(new XptWriter.Var("USUBJID", false, 12, ""),
        new XptWriter.Var("VSSTRESN", true, 8, ""), new XptWriter.Var("VSDT", true, 8, "DATE9."));
    List<Object[]> rows = List.of(new Object[] {"01-701-1015", 118.0, 20000.0},
        new Object[] {"01-701-1023", null, 20001.0}, new Object[] {"01-701-1028", lastValue, 20002.0});
    return XptWriter.write("VS", vars, rows);
  }

  private static void writeParquet(Path target) throws IOException {
    Path out = target.resolveSibling("lb-parts");
    spark.createDataFrame(List.of(RowFactory.create("S1", "ALT", 23.5), RowFactory.create("S2", "AST", 19.0)),
        new StructType().add("USUBJID", DataTypes.StringType).add("LBTESTCD", DataTypes.StringType)
            .add("LBSTRESN", DataTypes.DoubleType)).coalesce(1).write().parquet(out.toString());
    try (Stream<Path> files = Files.list(out)) {
      Path part = files.filter(p -> p.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow();
      Files.copy(part, target);
    }
    try (Stream<Path> files = Files.walk(out)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private static Map<String, Row> byName(List<Row> rows) {
    Map<String, Row> byName = new LinkedHashMap<>();
    rows.forEach(r -> byName.put(r.getAs("name"), r));
    return byName;
  }

  private static TableMetadata metadata(String store, String table) {
    return TableMetadata.parse(text(store, "datom/" + table + "/.metadata/metadata.json"), table);
  }

  private static VersionHistory history(String store, String table) {
    return VersionHistory.parse(text(store, "datom/" + table + "/.metadata/version_history.json"), table);
  }

  private static String text(String store, String key) {
    try {
      Path path = Path.of(store).resolve(key.startsWith(".metadata") ? "datom/" + key : key);
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String sha256(Path file) throws IOException {
    return io.datom.core.hash.Sha256.hex(Files.readAllBytes(file));
  }

  /** The descriptions of the Spark jobs started while installed. */
  static final class JobCounter extends SparkListener {
    final List<String> descriptions = new java.util.concurrent.CopyOnWriteArrayList<>();

    static JobCounter install() {
      JobCounter counter = new JobCounter();
      spark.sparkContext().addSparkListener(counter);
      return counter;
    }

    @Override
    public void onJobStart(SparkListenerJobStart jobStart) {
      descriptions.add(jobStart.properties().getProperty("spark.job.description", "(no description)"));
    }

    void stop() {
      try {
        spark.sparkContext().listenerBus().waitUntilEmpty(10_000);
      } catch (java.util.concurrent.TimeoutException e) {
        throw new AssertionError("Spark's listener bus did not drain", e);
      }
      spark.sparkContext().removeSparkListener(this);
    }
  }
}
