package io.datom.spark.datoms;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.datom.spark.testing.SparkTestBase;
import io.datom.spark.testing.TestProject;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The datoms from A to B, applied to A's facts, give B's facts, and those decode to B's rows exactly (bit for bit:
 * NaN, -0.0, infinities, microseconds, decimal scales), for random tables and random edits: rows removed and added,
 * cells changed and nulled, a column dropped, one added and one retyped.
 */
class DatomsPropertyTest extends SparkTestBase {

  private static final double[] DOUBLES = {Double.NaN, -0.0, 0.0, Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY, Double.MIN_VALUE, Double.MAX_VALUE, 0.1, 0.1 + 0.2, 1.0 / 3, -2.5e-300, 42.0};

  private static final StructType A = new StructType().add("id", DataTypes.IntegerType)
      .add("s", DataTypes.StringType).add("d", DataTypes.DoubleType).add("t", DataTypes.TimestampType)
      .add("m", DataTypes.createDecimalType(12, 3)).add("r", DataTypes.IntegerType).add("gone", DataTypes.StringType);
  private static final StructType B = new StructType().add("id", DataTypes.IntegerType)
      .add("s", DataTypes.StringType).add("d", DataTypes.DoubleType).add("t", DataTypes.TimestampType)
      .add("m", DataTypes.createDecimalType(12, 3)).add("r", DataTypes.LongType).add("fresh", DataTypes.LongType);

  @TempDir static Path dir;
  private static TestProject project;

  @BeforeAll
  static void catalog() {
    project = TestProject.create(dir.resolve("store"), "PROPERTY");
    spark.conf().set("spark.sql.catalog.prop", "io.datom.spark.DatomCatalog");
    spark.conf().set("spark.sql.catalog.prop.store", project.store());
  }

  @Test
  void applyingTheDatomsFromAToBOntoAsFactsReproducesB() {
    for (int seed = 1; seed <= 4; seed++) {
      Random random = new Random(seed);
      TreeMap<Integer, Object[]> a = new TreeMap<>();
      for (int id = 0; id < 25; id++) {
        a.put(id, new Object[] {id, "s" + random.nextInt(5), maybe(random, DOUBLES[random.nextInt(DOUBLES.length)]),
            maybe(random, instant(random)), maybe(random, decimal(random)), maybe(random, random.nextInt(3)),
            maybe(random, "g" + random.nextInt(3))});
      }
      TreeMap<Integer, Object[]> b = new TreeMap<>();
      a.forEach((id, row) -> {
        if (random.nextInt(7) == 0) {
          return; // vanished
        }
        Object[] edited = {id, row[1], row[2], row[3], row[4], row[5] == null ? null : (long) (int) row[5],
            maybe(random, (long) random.nextInt(2))};
        for (int column = 1; column <= 4; column++) {
          if (random.nextInt(4) == 0) {
            edited[column] = fresh(random, column);
          }
        }
        b.put(id, edited);
      });
      for (int id = 100; id < 100 + random.nextInt(6); id++) {
        b.put(id, new Object[] {id, "new", maybe(random, DOUBLES[random.nextInt(DOUBLES.length)]),
            maybe(random, instant(random)), maybe(random, decimal(random)), maybe(random, 7L), 1L});
      }
      String table = "t" + seed;
      String va = write(table, A, a, Instant.parse("2026-01-01T00:00:00Z"));
      String vb = write(table, B, b, Instant.parse("2026-02-01T00:00:00Z"));

      List<String> key = List.of("id");
      Dataset<Row> factsOfA = facts(Datoms.between(spark, "prop." + table, key, null, va));
      Dataset<Row> datoms = Datoms.between(spark, "prop." + table, key, va, vb);
      Dataset<Row> retracted = facts(datoms.where("NOT added"));
      Dataset<Row> asserted = facts(datoms.where("added"));
      assertEquals(0, retracted.except(factsOfA).count(), "seed " + seed + ": a retraction of a fact A lacks");
      Dataset<Row> kept = factsOfA.except(retracted);
      assertEquals(0, asserted.intersect(kept).count(), "seed " + seed + ": an assertion of a fact A keeps");

      Dataset<Row> factsOfB = kept.union(asserted);
      assertEquals(canonical(spark.table("prop." + table).orderBy("id").collectAsList()),
          canonical(decoded(factsOfB).orderBy("id").collectAsList()), "seed " + seed);
    }
  }

  private static Dataset<Row> facts(Dataset<Row> datoms) {
    return datoms.select("id", "a", "v", "v_type");
  }

  /** Facts back into rows of B's schema: one column per attribute of B, each value decoded from its text. */
  private static Dataset<Row> decoded(Dataset<Row> facts) {
    List<Column> columns = new ArrayList<>();
    columns.add(col("id"));
    for (StructField field : B.fields()) {
      if (!field.name().equals("id")) {
        DataType type = field.dataType();
        columns.add(org.apache.spark.sql.functions.max(org.apache.spark.sql.functions.when(
            col("a").equalTo(field.name()).and(col("v_type").equalTo(type.catalogString())), col("v")))
            .as(field.name()));
      }
    }
    Dataset<Row> texts = facts.groupBy("id").agg(columns.get(1), columns.subList(2, columns.size())
        .toArray(Column[]::new));
    List<Column> typed = new ArrayList<>();
    for (StructField field : B.fields()) {
      typed.add(field.name().equals("id") ? col("id") : Datoms.value(col(field.name()), field.dataType())
          .as(field.name()));
    }
    return texts.select(typed.toArray(Column[]::new));
  }

  /** Rows as text that tells every value apart: doubles by their bits, decimals with their scale. */
  private static List<String> canonical(List<Row> rows) {
    List<String> out = new ArrayList<>();
    for (Row row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        Object value = row.get(i);
        line.append(value instanceof Double d ? Long.toHexString(Double.doubleToLongBits(d))
            : value instanceof BigDecimal m ? m.toPlainString() + "@" + m.scale() : String.valueOf(value)).append('|');
      }
      out.add(line.toString());
    }
    return out;
  }

  private static String write(String table, StructType schema, TreeMap<Integer, Object[]> rows, Instant at) {
    List<Row> list = rows.values().stream().map(RowFactory::create).toList();
    return project.write(table, spark.createDataFrame(list, schema), "edit", at).version();
  }

  private static Object fresh(Random random, int column) {
    return switch (column) {
      case 1 -> "s" + random.nextInt(9);
      case 2 -> maybe(random, DOUBLES[random.nextInt(DOUBLES.length)]);
      case 3 -> maybe(random, instant(random));
      default -> maybe(random, decimal(random));
    };
  }

  private static Object maybe(Random random, Object value) {
    return random.nextInt(5) == 0 ? null : value;
  }

  private static Instant instant(Random random) {
    return Instant.ofEpochSecond(1_700_000_000L + random.nextInt(1_000_000), random.nextInt(1_000_000) * 1000L);
  }

  private static BigDecimal decimal(Random random) {
    return BigDecimal.valueOf(random.nextInt(2_000_000) - 1_000_000, 3);
  }
}
