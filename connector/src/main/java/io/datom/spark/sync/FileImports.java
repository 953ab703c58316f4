package io.datom.spark.sync;

import io.datom.spark.landing.LandingFileTasks;
import io.datom.spark.landing.SasColumn;
import io.datom.spark.landing.SasFormat;
import io.datom.spark.landing.SasRows;
import io.datom.spark.read.JobDescription;
import io.datom.spark.store.SerializableHadoopConf;
import io.datom.spark.task.ExecutorConf;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A landing file's rows as a DataFrame, in the file's row order, with column types fixed by the format alone (never
 * by the session or the cluster), so that the same file always gives the same table and {@code data_sha}. See
 * docs/sync.md, "Column types".
 *
 * <ul>
 *   <li>{@code csv}, {@code tsv}, {@code psv}, {@code txt}: Spark's CSV reader with {@link #DELIMITED_OPTIONS} and the
 *       separator of the extension ({@code ,}, tab, {@code |}, tab). Spark reads one file's splits in file order, so
 *       the rows keep the file's order however many tasks read them;
 *   <li>{@code parquet}: Spark's parquet reader, columns as stored, rows in file order;
 *   <li>{@code sas7bdat}, {@code xpt}: one task reads the whole file as one stream ({@link SasRows} types).
 * </ul>
 */
final class FileImports {

  /**
   * The CSV reader's options: a header row, types inferred from every row, UTC for timestamps without an offset,
   * a malformed row refused (when inferring; the rows are then read with {@link #MALFORMED_ROW}). Set explicitly so
   * that no session default changes them.
   */
  static final Map<String, String> DELIMITED_OPTIONS = Map.ofEntries(
      Map.entry("header", "true"),
      Map.entry("inferSchema", "true"),
      Map.entry("samplingRatio", "1.0"),
      Map.entry("mode", "FAILFAST"),
      Map.entry("encoding", "UTF-8"),
      Map.entry("quote", "\""),
      Map.entry("escape", "\""),
      Map.entry("multiLine", "false"),
      Map.entry("timeZone", "UTC"),
      Map.entry("locale", "en-US"),
      Map.entry("preferDate", "true"),
      Map.entry("dateFormat", "yyyy-MM-dd"),
      Map.entry("prefersDecimal", "false"),
      Map.entry("ignoreLeadingWhiteSpace", "false"),
      Map.entry("ignoreTrailingWhiteSpace", "false"),
      Map.entry("enforceSchema", "false"));

  /**
   * The column Spark's CSV reader puts a malformed row's text in. Rows are read with it rather than in FAILFAST mode
   * because Spark's FAILFAST error (and its task failure log lines) quote the malformed row's values.
   */
  private static final String MALFORMED_ROW = "_datom_malformed_row";

  private FileImports() {}

  /** Whether datom-spark imports files of this (lower-case) extension. */
  static boolean imports(String formatKey) {
    return separator(formatKey) != null || formatKey.equals("parquet") || sasFormat(formatKey) != null;
  }

  /**
   * The rows of {@code file}; reading a delimited file's header and types runs a Spark job (described as
   * {@code datom sync {name}: infer types}), SAS files have their header read on the driver.
   */
  static Dataset<Row> read(SparkSession spark, LandingFile file) {
    String key = file.formatKey();
    String separator = separator(key);
    if (separator != null) {
      StructType inferred = JobDescription.run(spark.sparkContext(), "datom sync " + file.name() + ": infer types of "
          + file.fileName(), () -> spark.read().options(DELIMITED_OPTIONS).option("sep", separator)
          .csv(literal(file.path())).schema());
      return refusingMalformedRows(spark.read().options(DELIMITED_OPTIONS).option("sep", separator)
          .option("mode", "PERMISSIVE").option("columnNameOfCorruptRecord", MALFORMED_ROW)
          // The schema is the header's own, as inference made the names unique (A,A → A0,A1): not to be re-checked.
          .option("enforceSchema", "true")
          .schema(inferred.add(MALFORMED_ROW, DataTypes.StringType, true)).csv(literal(file.path())), file);
    }
    if (key.equals("parquet")) {
      return spark.read().parquet(literal(file.path()));
    }
    SasFormat sas = sasFormat(key);
    if (sas == null) {
      throw new IllegalArgumentException("No reader for " + file.fileName());
    }
    SerializableHadoopConf conf = new SerializableHadoopConf(ExecutorConf.of(spark));
    List<SasColumn> columns = LandingFileTasks.columns(conf, file.path(), sas);
    JavaRDD<Row> rows = JavaSparkContext.fromSparkContext(spark.sparkContext())
        .parallelize(List.of(file.path()), 1)
        .flatMap(LandingFileTasks.sasRows(conf, sas, columns));
    return spark.createDataFrame(rows, SasRows.plainSchema(columns)).select(SasRows.projection(columns));
  }

  /** {@code rows} without the malformed-row column; a task that meets a malformed row fails, naming only the file. */
  private static Dataset<Row> refusingMalformedRows(Dataset<Row> rows, LandingFile file) {
    String fileName = file.fileName();
    UserDefinedFunction wellFormed = functions.udf((UDF1<String, Boolean>) malformed -> {
      if (malformed != null) {
        throw new MalformedLandingFileException(fileName);
      }
      return true;
    }, DataTypes.BooleanType).asNondeterministic();
    return rows.where(wellFormed.apply(functions.col(MALFORMED_ROW))).drop(MALFORMED_ROW);
  }

  /**
   * {@code path} with Hadoop's glob characters escaped: Spark's file readers expand a path as a pattern, so a landing
   * folder named {@code extract [v2]} would otherwise match {@code extract v} (or nothing) instead of itself.
   */
  static String literal(String path) {
    StringBuilder escaped = new StringBuilder(path.length());
    for (char c : path.toCharArray()) {
      if ("\\{}[]*?".indexOf(c) >= 0) {
        escaped.append('\\');
      }
      escaped.append(c);
    }
    return escaped.toString();
  }

  private static String separator(String key) {
    return switch (key) {
      case "csv" -> ",";
      case "tsv", "txt" -> "\t";
      case "psv" -> "|";
      default -> null;
    };
  }

  private static SasFormat sasFormat(String key) {
    return switch (key) {
      case "sas7bdat" -> SasFormat.SAS7BDAT;
      case "xpt" -> SasFormat.XPT;
      default -> null;
    };
  }
}
