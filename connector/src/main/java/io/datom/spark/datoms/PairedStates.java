package io.datom.spark.datoms;

import io.datom.spark.read.VersionRead;
import io.datom.spark.task.PairedScan;
import io.datom.spark.task.RowGroups;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.expressions.Attribute;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.Project;
import org.apache.spark.sql.catalyst.plans.logical.SubqueryAlias;
import org.apache.spark.sql.execution.datasources.v2.DataSourceV2Relation;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;
import scala.collection.JavaConverters;

/**
 * Two whole stored versions compared without shuffling their rows: their objects are read side by side by row
 * position ({@link PairedScan}), rows with the same key and the same cells are dropped there, and only the rest (the
 * changed rows and the residual of rows that moved, appeared or vanished) goes on to the comparison by key. The key is
 * proven unique by the stored order of the keys when the versions are sorted by it ({@link KeyOrder}), which needs no
 * shuffle either.
 *
 * <p>Used for two states that are each a plain read of a whole datom version, with a key of types whose values are
 * equal exactly when their bytes are (strings, integers, decimals, dates, timestamps, booleans, binary: not floating
 * point, whose {@code -0.0} and {@code 0.0} are one key to Spark); otherwise {@link CellDiff} reads them as any
 * DataFrames.
 */
final class PairedStates {

  private final SparkSession spark;
  private final Configuration conf;
  private final List<Side> sides;
  private final StructType keyType;
  private final List<String> keyNames;
  private PairedScan.Paired paired;
  private StructType schema;

  private PairedStates(SparkSession spark, Configuration conf, List<Side> sides, StructType keyType,
      List<String> keyNames) {
    this.spark = spark;
    this.conf = conf;
    this.sides = sides;
    this.keyType = keyType;
    this.keyNames = keyNames;
  }

  /** One state: its object and the key columns as the object names them. */
  private record Side(RowGroups groups, StructType schema, List<String> keyColumns, Dataset<Row> rows) {}

  /**
   * The two states as stored versions read side by side, if they can be.
   *
   * @param keyColumns for each state, its names of the key columns (resolved), in key order
   */
  static Optional<PairedStates> of(SparkSession spark, List<Snapshot> states, EntityKey key,
      List<List<String>> keyColumns, List<StructField> attributes, List<String> fieldNames, String rowField,
      String stepField) {
    if (states.size() != 2 || states.get(0).isEmpty() || states.get(1).isEmpty()) {
      return Optional.empty();
    }
    List<Side> sides = new ArrayList<>();
    Configuration conf = null;
    StructType keyType = null;
    for (int s = 0; s < 2; s++) {
      Dataset<Row> rows = states.get(s).rows();
      Optional<VersionRead> version = wholeVersion(rows.queryExecution().analyzed());
      if (version.isEmpty()) {
        return Optional.empty();
      }
      StructType schema = rows.schema();
      StructType ownKey = new StructType();
      for (int k = 0; k < key.columns().size(); k++) {
        DataType type = schema.apply(keyColumns.get(s).get(k)).dataType();
        if (!exactKeyType(type)) {
          return Optional.empty();
        }
        ownKey = ownKey.add(key.columns().get(k), type, true);
      }
      if (keyType != null && !keyType.equals(ownKey)) {
        return Optional.empty(); // a key column retyped: compared as Spark compares mixed types, by CellDiff
      }
      keyType = ownKey;
      // The integrity check the read's verify mode asks for runs when Spark plans the scan: plan it now.
      rows.queryExecution().optimizedPlan();
      VersionRead read = version.get();
      conf = read.store().conf();
      String object = read.store().pathOf(read.snapshot().objectKey()).toString();
      sides.add(new Side(RowGroups.of(object, conf), schema, keyColumns.get(s), rows));
    }
    PairedStates paired = new PairedStates(spark, conf, sides, keyType, key.columns());
    paired.pair(attributes, fieldNames, rowField, stepField);
    return Optional.of(paired);
  }

  /**
   * Whether the key is proven unique in both states by their stored order. Runs the side-by-side read (one Spark
   * job, whose kept rows are persisted for {@link #rows}); false means not proven, not duplicated.
   */
  boolean keysAscending() {
    return paired.keysAscending();
  }

  /**
   * The rows to compare by key, as {@link CellDiff} tags them: the key columns, the step and a struct of the
   * attributes ({@code attributes}' fields, named as CellDiff names them).
   *
   * @param attributes the attributes as (name, type), in CellDiff's order
   * @param fieldNames their names in the struct
   * @param rowField   the name of the struct column
   * @param stepField  the name of the step column
   */
  Dataset<Row> rows() {
    return spark.createDataFrame(paired.rows(), schema);
  }

  /** The two sides as {@link PairedScan} reads them, and the schema of the rows kept. */
  private void pair(List<StructField> attributes, List<String> fieldNames, String rowField, String stepField) {
    StructType struct = new StructType();
    for (int a = 0; a < attributes.size(); a++) {
      struct = struct.add(fieldNames.get(a), attributes.get(a).dataType(), true);
    }
    List<PairedScan.Side> scanned = new ArrayList<>();
    for (Side side : sides) {
      int[] keyOrdinals = new int[keyNames.size()];
      for (int k = 0; k < keyOrdinals.length; k++) {
        keyOrdinals[k] = side.schema().fieldIndex(side.keyColumns().get(k));
      }
      int[] attributeOrdinals = new int[attributes.size()];
      for (int a = 0; a < attributeOrdinals.length; a++) {
        StructField attribute = attributes.get(a);
        attributeOrdinals[a] = -1;
        if (!side.keyColumns().contains(attribute.name())) {
          for (int i = 0; i < side.schema().fields().length; i++) {
            StructField field = side.schema().fields()[i];
            if (field.name().equals(attribute.name()) && field.dataType().equals(attribute.dataType())) {
              attributeOrdinals[a] = i;
            }
          }
        }
      }
      scanned.add(new PairedScan.Side(side.groups(), side.schema(), keyOrdinals, attributeOrdinals));
    }
    schema = keyType.add(stepField, DataTypes.IntegerType, false).add(rowField, struct, true);
    boolean javaTime = Boolean.parseBoolean(spark.conf().get("spark.sql.datetime.java8API.enabled", "false"));
    paired = PairedScan.pair(jsc(), conf, scanned.get(0), scanned.get(1), keyType, struct, javaTime);
  }

  private JavaSparkContext jsc() {
    return JavaSparkContext.fromSparkContext(spark.sparkContext());
  }

  /** The version {@code plan} reads whole and unfiltered (all columns, all rows), if it is one. */
  private static Optional<VersionRead> wholeVersion(LogicalPlan plan) {
    if (plan instanceof DataSourceV2Relation relation) {
      return relation.table() instanceof VersionRead read ? Optional.of(read) : Optional.empty();
    }
    if (plan instanceof SubqueryAlias alias) {
      return wholeVersion(alias.child());
    }
    if (plan instanceof Project project) {
      for (Object column : JavaConverters.seqAsJavaList(project.projectList())) {
        if (!(column instanceof Attribute)) {
          return Optional.empty();
        }
      }
      return wholeVersion(project.child());
    }
    return Optional.empty();
  }

  /** Key types whose values Spark groups as equal exactly when their bytes in a row are equal. */
  private static boolean exactKeyType(DataType type) {
    return type.equals(DataTypes.StringType) || type instanceof ByteType || type instanceof ShortType
        || type instanceof IntegerType || type instanceof LongType || type instanceof DecimalType
        || type instanceof BooleanType || type instanceof DateType || type instanceof TimestampType
        || type instanceof TimestampNTZType || type instanceof BinaryType;
  }
}
