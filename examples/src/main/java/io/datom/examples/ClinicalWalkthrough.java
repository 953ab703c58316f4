package io.datom.examples;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.format_number;

import io.datom.core.DatomProject;
import io.datom.core.Snapshot;
import io.datom.core.VersionMetadata;
import io.datom.core.VersionSpec;
import io.datom.core.WriteResult;
import io.datom.core.store.LocalStore;
import io.datom.spark.DatomChanges;
import io.datom.spark.write.DatomWrites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.eclipse.jgit.api.Git;

/**
 * The main job: one simulated study's monthly EDC extracts written as datom versions, then what users come for —
 * history, a read pinned to a version, an as-of read, an unchanged re-extract recognised as a no-op, a derived table
 * whose lineage was recorded automatically, and SQL through the catalog.
 *
 * <p>Runs on the embedded default: a local store directory and a local bare git repository as the data remote. No
 * cloud, no server. Arguments: {@code [work dir] [subjects]}.
 */
public final class ClinicalWalkthrough {

  private static final int CUT_OFFS = 6;
  private static final String[] MONTHS = {"2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"};

  private final SparkSession spark;
  private final String store;
  private final String remote;
  private final Report report = new Report();

  private ClinicalWalkthrough(SparkSession spark, String store, String remote) {
    this.spark = spark;
    this.store = store;
    this.remote = remote;
  }

  public static void main(String[] args) throws Exception {
    Path work = Paths.get(args.length > 0 ? args[0] : "target/walkthrough").toAbsolutePath();
    long subjects = args.length > 1 ? Long.parseLong(args[1]) : 400;
    deleteTree(work);
    Path bare = work.resolve("study-001-data.git");
    Git.init().setBare(true).setDirectory(bare.toFile()).call().close();
    String store = work.resolve("store").toString();

    SparkSession spark = SparkSession.builder()
        .appName("datom clinical walkthrough")
        .master("local[2]")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.catalog.study", "io.datom.spark.DatomCatalog")
        .config("spark.sql.catalog.study.store", store)
        .config("spark.sql.extensions", "io.datom.spark.DatomSparkSessionExtensions")
        .getOrCreate();
    spark.sparkContext().setLogLevel("ERROR");
    try {
      new ClinicalWalkthrough(spark, store, bare.toUri().toString()).run(subjects);
    } finally {
      spark.stop();
    }
  }

  private void run(long subjects) throws InterruptedException {
    StudyGenerator study = new StudyGenerator(spark, subjects, 4);
    report.title("datom walkthrough: STUDY_001, " + CUT_OFFS + " monthly EDC cut-offs, " + subjects + " subjects");
    report.line("store      " + store);
    report.line("data repo  " + remote);

    report.section("1. Monthly extracts, each written as a new version of every table");
    report.row("cut-off", "dm", "ex", "lb", "ae");
    Map<Integer, String> labVersionAtCut = new LinkedHashMap<>();
    for (int cut = 1; cut <= CUT_OFFS; cut++) {
      String message = "EDC extract " + MONTHS[cut - 1];
      List<String> cells = new ArrayList<>();
      cells.add(MONTHS[cut - 1]);
      cells.add(write("dm", study.demographics(cut), message));
      cells.add(write("ex", study.exposure(cut), message));
      cells.add(write("lb", study.labs(cut), message));
      cells.add(write("ae", study.adverseEvents(cut), message));
      report.row(cells.toArray(String[]::new));
      labVersionAtCut.put(cut, currentVersion("lb"));
      Thread.sleep(1100); // history timestamps have one-second resolution; keep cut-offs apart for the as-of read
    }

    report.section("2. History of lb, newest first (a table you can query)");
    report.row("version", "data_sha", "timestamp (UTC)", "author", "message", "rows");
    spark.read().format("datom").option("table", "lb.history").load(store)
        .select(col("version").substr(1, 12), col("data_sha").substr(1, 12),
            date_format(col("timestamp"), "yyyy-MM-dd HH:mm:ss"), col("author.name"), col("message"),
            format_number(col("nrow"), 0))
        .collectAsList().forEach(r -> report.row(r.getString(0), r.getString(1), r.getString(2),
            r.getString(3), r.getString(4), r.getString(5)));

    String cut3 = labVersionAtCut.get(3);
    String prefix = cut3.substring(0, 8);
    long pinnedRows = spark.read().format("datom").option("table", "lb").option("version", prefix).load(store).count();
    report.section("3. A read pinned to a version");
    report.line("lb version " + prefix + " (the March cut-off, by unique prefix): " + pinnedRows
        + " rows, exactly as in March; the current version has " + lbCount() + ".");

    report.section("4. An as-of read");
    Row march = spark.read().format("datom").option("table", "lb.history").load(store)
        .where(col("version").equalTo(cut3)).select(date_format(col("timestamp"), "yyyy-MM-dd HH:mm:ss")).first();
    String asOf = march.getString(0);
    long asOfRows = spark.read().format("datom").option("table", "lb").option("asOf", asOf).load(store).count();
    report.line("lb as of " + asOf + ": " + asOfRows + " rows (the version that was current then).");

    report.section("5. An unchanged re-extract is recognised as a no-op");
    String before = currentVersion("lb");
    String outcome = write("lb", study.labs(CUT_OFFS), "EDC extract " + MONTHS[CUT_OFFS - 1] + " (re-run)");
    report.line("re-writing the June labs: " + outcome + "; current version still " + before.substring(0, 12)
        + (before.equals(currentVersion("lb")) ? " (no commit, no upload)." : " (UNEXPECTED: it changed)."));

    report.section("6. A derived table records its lineage automatically");
    Dataset<Row> lb = spark.read().format("datom").option("table", "lb").load(store);
    Dataset<Row> dm = spark.read().format("datom").option("table", "dm").load(store);
    Dataset<Row> adlb = lb.join(dm.select("USUBJID", "ARM", "AGE", "SEX"), "USUBJID")
        .select("USUBJID", "ARM", "AGE", "SEX", "LBTESTCD", "LBSTRESN", "LBNRIND", "VISITNUM");
    report.line("adlb (labs joined to demographics): " + write("adlb", adlb, "Derive ADLB"));
    try (LocalStore local = new LocalStore(Paths.get(store), null)) {
      Snapshot derived = DatomProject.open(local).table("adlb").snapshot(VersionSpec.current());
      derived.metadata().flatMap(VersionMetadata::parents).orElse(List.of()).forEach(parent ->
          report.line("  parent " + parent.table() + " @ " + parent.version().substring(0, 12)
              + "  (data_sha " + parent.dataSha().substring(0, 12) + ")"));
    }

    report.section("7. SQL through the catalog, pinned to the March version");
    report.line("SELECT LBTESTCD, count(*), avg(LBSTRESN) FROM study.lb VERSION AS OF '" + prefix + "' ...");
    spark.sql("SELECT LBTESTCD, count(*) AS n, round(avg(LBSTRESN), 2) AS mean FROM study.lb VERSION AS OF '"
            + prefix + "' GROUP BY LBTESTCD ORDER BY LBTESTCD LIMIT 5")
        .collectAsList().forEach(r -> report.row(r.getString(0), String.valueOf(r.getLong(1)),
            String.valueOf(r.get(2))));
    report.line("SHOW TABLES IN study: " + String.join(", ",
        spark.sql("SHOW TABLES IN study").collectAsList().stream().map(r -> r.getString(1)).toList()));

    report.section("8. What changed in lb from the " + MONTHS[CUT_OFFS - 2] + " to the " + MONTHS[CUT_OFFS - 1]
        + " cut-off, as facts added and retracted");
    Dataset<Row> changes = DatomChanges.between(lbVersion(labVersionAtCut.get(CUT_OFFS - 1)),
        lbVersion(labVersionAtCut.get(CUT_OFFS)));
    Map<String, Long> counts = new TreeMap<>();
    changes.groupBy(DatomChanges.CHANGE).count().collectAsList()
        .forEach(r -> counts.put(r.getString(0), r.getLong(1)));
    report.line(String.format("%,d rows added, %,d rows retracted (rows compared whole; a corrected value is its old"
        + " row retracted and its new row added).", counts.getOrDefault(DatomChanges.ADDED, 0L),
        counts.getOrDefault(DatomChanges.RETRACTED, 0L)));

    corrections(labVersionAtCut.get(CUT_OFFS - 1), labVersionAtCut.get(CUT_OFFS));
    report.print();
  }

  /**
   * A regulator's question, answered with datoms: which lab values of one subject were corrected between two
   * cut-offs, from what to what, and by which extract; then every value one of them ever had.
   */
  private void corrections(String may, String june) {
    report.section("9. Corrections between the " + MONTHS[CUT_OFFS - 2] + " and " + MONTHS[CUT_OFFS - 1]
        + " cut-offs, cell by cell, as datoms [e a v tx added]");
    String between = "datom_datoms('study.lb', 'USUBJID, LBSEQ', '" + may.substring(0, 8) + "', '"
        + june.substring(0, 8) + "')";
    // A retraction between two cut-offs is a correction: new results only assert.
    Row corrected = spark.sql("SELECT USUBJID, LBSEQ FROM " + between + " WHERE NOT added ORDER BY USUBJID, LBSEQ "
        + "LIMIT 1").first();
    String subject = corrected.getString(0);
    String query = "SELECT LBSEQ, a, v, added, substr(tx.version, 1, 8), tx.message FROM " + between
        + " WHERE USUBJID = '" + subject + "' AND LBSEQ IN (SELECT LBSEQ FROM " + between + " WHERE USUBJID = '"
        + subject + "' AND NOT added) ORDER BY LBSEQ, a, added";
    report.line(query.replace(" WHERE USUBJID", "\n    WHERE USUBJID").replace(" AND LBSEQ IN", "\n    AND LBSEQ IN")
        + "  -- corrected results, not new ones");
    report.row("LBSEQ", "a", "v", "added", "tx", "extract");
    spark.sql(query)
        .collectAsList().forEach(r -> report.row(String.valueOf(r.get(0)), r.getString(1), r.getString(2),
            r.getBoolean(3) ? "asserted" : "retracted", r.getString(4), r.getString(5)));

    long lbseq = ((Number) corrected.get(1)).longValue();
    report.line("Every value " + subject + " LBSEQ " + lbseq + " LBSTRESN ever had (datom_history):");
    report.row("tx", "timestamp (UTC)", "v", "added", "extract");
    spark.sql("SELECT substr(tx.version, 1, 8), date_format(tx.timestamp, 'yyyy-MM-dd HH:mm:ss'), v, added, "
            + "tx.message FROM datom_history('study.lb', 'USUBJID, LBSEQ') WHERE USUBJID = '" + subject
            + "' AND LBSEQ = " + lbseq + " AND a = 'LBSTRESN' ORDER BY tx.timestamp, added")
        .collectAsList().forEach(r -> report.row(r.getString(0), r.getString(1), r.getString(2),
            r.getBoolean(3) ? "asserted" : "retracted", r.getString(4)));
  }

  private Dataset<Row> lbVersion(String version) {
    return spark.read().format("datom").option("table", "lb").option("version", version).load(store);
  }

  private String write(String table, Dataset<Row> data, String message) {
    data.write().format("datom")
        .option("table", table)
        .option("repo", remote)
        .option("project", "STUDY_001")
        .option("message", message)
        .mode("overwrite")
        .save(store);
    WriteResult result = DatomWrites.lastResult().orElseThrow();
    String version = result.metadataSha().substring(0, 8);
    return switch (result.action().rName()) {
      case "none" -> "no-op (" + version + ")";
      case "metadata_only" -> version + " metadata only";
      default -> version + " " + String.format("%,d", result.nrow()) + " rows";
    };
  }

  private String currentVersion(String table) {
    return spark.read().format("datom").option("table", table + ".history").load(store)
        .select("version").first().getString(0);
  }

  private long lbCount() {
    return spark.read().format("datom").option("table", "lb").load(store).count();
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
        Files.delete(p);
      }
    }
  }
}
