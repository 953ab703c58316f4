package io.datom.spark.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datom.core.hash.ColumnHash;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The cv1 golden vectors (core's test resource {@code golden/cv1-vectors.json}, computed by the R package) as Spark
 * DataFrames, for a session with {@code spark.sql.datetime.java8API.enabled}.
 */
final class Cv1Vectors {

  /** One golden table and what R computed for it. */
  record Vector(String id, StructType schema, List<Row> rows, List<ColumnHash> columnHashes, String dataSha) {
    /** The table as a DataFrame whose rows, in order, are spread over {@code partitions} partitions. */
    Dataset<Row> frame(SparkSession spark, int partitions) {
      JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
      return spark.createDataFrame(jsc.parallelize(rows, partitions), schema);
    }

    @Override
    public String toString() {
      return id;
    }
  }

  private Cv1Vectors() {}

  static List<Vector> all() {
    try (InputStream in = Cv1Vectors.class.getResourceAsStream("/golden/cv1-vectors.json")) {
      List<Vector> vectors = new ArrayList<>();
      for (JsonNode table : new ObjectMapper().readTree(in)) {
        vectors.add(vector(table));
      }
      return vectors;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Vector byId(String id) {
    return all().stream().filter(v -> v.id().equals(id)).findFirst().orElseThrow();
  }

  private static Vector vector(JsonNode table) {
    List<StructField> fields = new ArrayList<>();
    for (JsonNode column : table.get("schema")) {
      fields.add(new StructField(column.get("name").asText(), DataType.fromDDL(column.get("type").asText()), true,
          Metadata.empty()));
    }
    StructType schema = new StructType(fields.toArray(StructField[]::new));
    List<Row> rows = new ArrayList<>();
    for (JsonNode row : table.get("rows")) {
      Object[] values = new Object[fields.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = value(fields.get(i).dataType(), row.get(i));
      }
      rows.add(RowFactory.create(values));
    }
    List<ColumnHash> hashes = new ArrayList<>();
    for (JsonNode hash : table.get("column_hashes")) {
      hashes.add(new ColumnHash(hash.get("name").asText(), hash.get("sha").asText()));
    }
    return new Vector(table.get("id").asText(), schema, rows, hashes, table.get("data_sha").asText());
  }

  /** A JSON cell as the Java value Spark expects for {@code type} (golden README, "Values are encoded exactly"). */
  private static Object value(DataType type, JsonNode cell) {
    if (cell.isNull()) {
      return null;
    }
    if (type instanceof DecimalType) {
      return new BigDecimal(cell.asText());
    }
    if (type.equals(DataTypes.BooleanType)) {
      return cell.asBoolean();
    }
    if (type.equals(DataTypes.ByteType)) {
      return (byte) cell.asInt();
    }
    if (type.equals(DataTypes.ShortType)) {
      return (short) cell.asInt();
    }
    if (type.equals(DataTypes.IntegerType)) {
      return cell.asInt();
    }
    if (type.equals(DataTypes.LongType)) {
      return Long.parseLong(cell.asText());
    }
    if (type.equals(DataTypes.FloatType)) {
      return Float.parseFloat(cell.asText());
    }
    if (type.equals(DataTypes.DoubleType)) {
      return Double.parseDouble(cell.asText());
    }
    if (type.equals(DataTypes.StringType)) {
      return cell.asText();
    }
    if (type.equals(DataTypes.DateType)) {
      return LocalDate.parse(cell.asText());
    }
    Instant instant = Instant.EPOCH.plus(Long.parseLong(cell.asText()), ChronoUnit.MICROS);
    if (type.equals(DataTypes.TimestampType)) {
      return instant;
    }
    if (type.equals(DataTypes.TimestampNTZType)) {
      return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
    throw new IllegalArgumentException("No golden values of type " + type);
  }
}
