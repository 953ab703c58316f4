package io.datom.spark.datoms;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lead;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import io.datom.spark.schema.AlignedColumns;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;

/**
 * The datoms of a sequence of states s0, s1, …, sn: for each step i (1..n) the cells that differ between s(i-1) and
 * s(i), as a retraction of the old value and an assertion of the new one. An entity (a key value) new at step i
 * asserts its non-null cells; one that vanishes retracts them. A column present in only one state is, in the other,
 * a column of nulls (no facts), so a dropped column retracts its values and an added one asserts them; a column
 * whose type changed retracts its old-typed values and asserts its new-typed ones, since a value is its text and type.
 *
 * <p>One Spark plan for the whole sequence: the states' rows are unioned, tagged with their step, and a window
 * partitioned by the key and ordered by step puts each row next to the same entity's row in the previous state. So
 * there is one shuffle whatever the number of steps, nothing is collected, and a filter on key columns reaches each
 * state's scan (Spark pushes it through the window and the union). Two whole stored versions go through
 * {@link PairedStates} first, which reads them side by side and leaves out the rows paired by key with the same
 * cells, so that the window only sees changed and unpaired rows.
 */
final class CellDiff {

  /** The column holding each datom's step: the index in the sequence of the state that makes the change. */
  static final String STEP = EntityKey.INTERNAL_PREFIX + "step";

  private static final String ROW = EntityKey.INTERNAL_PREFIX + "row";
  private static final String PREVIOUS_STEP = EntityKey.INTERNAL_PREFIX + "previous_step";
  private static final String PREVIOUS_ROW = EntityKey.INTERNAL_PREFIX + "previous_row";
  private static final String NEXT_STEP = EntityKey.INTERNAL_PREFIX + "next_step";
  private static final String DATOM = EntityKey.INTERNAL_PREFIX + "datom";

  private final SparkSession spark;
  private final List<Snapshot> states;
  private final EntityKey key;
  private final boolean caseSensitive;

  private CellDiff(SparkSession spark, List<Snapshot> states, EntityKey key) {
    this.spark = spark;
    this.states = List.copyOf(states);
    this.key = key;
    this.caseSensitive = Boolean.parseBoolean(spark.conf().get("spark.sql.caseSensitive", "false"));
  }

  /**
   * The datoms of {@code states} (at least one of them with rows): the key columns under the key's names, then
   * {@code a}, {@code v}, {@code v_type}, {@value #STEP} and {@code added}.
   *
   * @param checkKey whether to check first, with one Spark job, that the key is unique in every state
   * @throws KeyColumnMissingException if a state lacks a key column
   * @throws KeyNotUniqueException if {@code checkKey} and a key value occurs twice in a state
   */
  static Dataset<Row> datoms(SparkSession spark, List<Snapshot> states, EntityKey key, boolean checkKey) {
    return new CellDiff(spark, states, key).datoms(checkKey);
  }

  private Dataset<Row> datoms(boolean checkKey) {
    Map<Attribute, Integer> attributes = attributes();
    if (attributes.isEmpty()) {
      Dataset<Row> rows = taggedRows(attributes);
      if (checkKey) {
        checkUnique(rows);
      }
      return noDatoms(rows); // only key columns: entities without attributes state no facts
    }
    Optional<PairedStates> paired = paired(attributes);
    if (checkKey && (paired.isEmpty() || !paired.get().keysAscending())) {
      checkUnique(taggedRows(attributes));
    }
    Dataset<Row> rows = paired.isPresent() ? paired.get().rows() : taggedRows(attributes);
    WindowSpec byEntity = Window.partitionBy(keyColumns().toArray(Column[]::new)).orderBy(col(STEP));
    List<Column> neighbours = new ArrayList<>(keyColumns());
    neighbours.add(col(STEP));
    neighbours.add(col(ROW));
    neighbours.add(lag(col(STEP), 1).over(byEntity).as(PREVIOUS_STEP));
    neighbours.add(lag(col(ROW), 1).over(byEntity).as(PREVIOUS_ROW));
    neighbours.add(lead(col(STEP), 1).over(byEntity).as(NEXT_STEP));
    Dataset<Row> aligned = rows.select(neighbours.toArray(Column[]::new));

    Column step = col(STEP);
    Column entered = step.geq(1);
    Column continued = coalesce(col(PREVIOUS_STEP).equalTo(step.minus(1)), lit(false));
    Column old = when(continued, col(PREVIOUS_ROW));
    Column vanishes = step.lt(states.size() - 1).and(col(NEXT_STEP).isNull().or(col(NEXT_STEP).gt(step.plus(1))));
    Column anyChanged = lit(false);
    List<Column> candidates = new ArrayList<>();
    for (Map.Entry<Attribute, Integer> entry : attributes.entrySet()) {
      Attribute attribute = entry.getKey();
      Column before = old.getField(field(entry.getValue()));
      Column now = col(ROW).getField(field(entry.getValue()));
      Column changed = Values.differs(before, now, attribute.type());
      anyChanged = anyChanged.or(changed);
      candidates.add(when(entered.and(changed).and(before.isNotNull()), datom(attribute, before, step, false)));
      candidates.add(when(entered.and(changed).and(now.isNotNull()), datom(attribute, now, step, true)));
      candidates.add(when(vanishes.and(now.isNotNull()), datom(attribute, now, step.plus(1), false)));
    }
    Column relevant = entered.and(not(continued).or(anyChanged)).or(vanishes);

    List<Column> exploded = new ArrayList<>(keyColumns());
    // filter() keeps the same datoms (nulls are dropped below anyway); being a higher-order function, it also keeps
    // this step out of whole-stage code generation, whose single method for 3 candidates per attribute grows past
    // what the JIT compiles (8,000 bytes of bytecode) and then runs interpreted, several times slower.
    exploded.add(explode(filter(org.apache.spark.sql.functions.array(candidates.toArray(Column[]::new)),
        Column::isNotNull)).as(DATOM));
    List<Column> output = new ArrayList<>(keyColumns());
    for (String field : List.of("a", "v", "v_type", STEP, "added")) {
      output.add(col(DATOM).getField(field).as(field));
    }
    Dataset<Row> datoms = aligned.where(relevant).select(exploded.toArray(Column[]::new));
    return datoms.where(col(DATOM).isNotNull()).select(output.toArray(Column[]::new));
  }

  /**
   * The two states as stored versions read side by side ({@link PairedStates}), if they are: the rows they keep are
   * tagged as {@link #taggedRows} tags them, those paired by key with the same cells left out (which changes no
   * datom).
   */
  private Optional<PairedStates> paired(Map<Attribute, Integer> attributes) {
    List<StructField> fields = new ArrayList<>();
    List<String> names = new ArrayList<>();
    attributes.forEach((attribute, index) -> {
      fields.add(new StructField(attribute.name(), attribute.type(), true, Metadata.empty()));
      names.add(field(index));
    });
    return PairedStates.of(spark, states, key, resolvedKeys(), fields, names, ROW, STEP);
  }

  /** Each state's names of the key columns, in key order (empty for a state without rows). */
  private List<List<String>> resolvedKeys() {
    List<List<String>> names = new ArrayList<>();
    for (Snapshot state : states) {
      names.add(state.isEmpty() ? List.of() : key.resolve(state.rows(), state.label(), caseSensitive));
    }
    return names;
  }

  /** The datoms' columns, with no rows. */
  private Dataset<Row> noDatoms(Dataset<Row> rows) {
    List<Column> output = new ArrayList<>(keyColumns());
    output.add(lit(null).cast(DataTypes.StringType).as("a"));
    output.add(lit(null).cast(DataTypes.StringType).as("v"));
    output.add(lit(null).cast(DataTypes.StringType).as("v_type"));
    output.add(col(STEP));
    output.add(lit(null).cast(DataTypes.BooleanType).as("added"));
    return rows.where(lit(false)).select(output.toArray(Column[]::new));
  }

  /** Every (column, type) any state has outside the key, in order of first appearance; each gets a field index. */
  private Map<Attribute, Integer> attributes() {
    Map<Attribute, Integer> attributes = new LinkedHashMap<>();
    for (Snapshot state : states) {
      if (state.isEmpty()) {
        continue;
      }
      List<String> keyNames = key.resolve(state.rows(), state.label(), caseSensitive);
      for (StructField field : state.rows().schema().fields()) {
        if (!keyNames.contains(field.name())) {
          attributes.putIfAbsent(new Attribute(field.name(), field.dataType()), attributes.size());
        }
      }
    }
    return attributes;
  }

  /**
   * The states' rows in one DataFrame: the key columns, the step and a struct with one field per attribute (null
   * where the state lacks the column, or has it with another type).
   */
  private Dataset<Row> taggedRows(Map<Attribute, Integer> attributes) {
    Dataset<Row> union = null;
    for (int step = 0; step < states.size(); step++) {
      Snapshot state = states.get(step);
      if (state.isEmpty()) {
        continue;
      }
      Dataset<Row> rows = state.rows();
      List<String> keyNames = key.resolve(rows, state.label(), caseSensitive);
      Map<String, DataType> own = new LinkedHashMap<>();
      for (StructField field : rows.schema().fields()) {
        own.put(field.name(), field.dataType());
      }
      List<Column> select = new ArrayList<>();
      for (int k = 0; k < keyNames.size(); k++) {
        select.add(rows.col(AlignedColumns.quoted(keyNames.get(k))).as(key.columns().get(k)));
      }
      select.add(lit(step).as(STEP));
      List<Column> fields = new ArrayList<>();
      attributes.forEach((attribute, index) -> fields.add(
          (attribute.type().equals(own.get(attribute.name())) && !keyNames.contains(attribute.name())
              ? rows.col(AlignedColumns.quoted(attribute.name()))
              : lit(null).cast(attribute.type())).as(field(index))));
      // A struct needs a field: a table of key columns only gets a placeholder.
      select.add(fields.isEmpty() ? lit(null).cast(DataTypes.BooleanType).as(ROW)
          : struct(fields.toArray(Column[]::new)).as(ROW));
      Dataset<Row> tagged = rows.select(select.toArray(Column[]::new));
      union = union == null ? tagged : union.union(tagged);
    }
    if (union == null) {
      throw new IllegalArgumentException("No state to compare has rows.");
    }
    return union;
  }

  /** Refuses a key that occurs on several rows of one state, naming the first such state, the count and examples. */
  private void checkUnique(Dataset<Row> rows) {
    List<Column> group = new ArrayList<>(keyColumns());
    group.add(col(STEP));
    Dataset<Row> duplicates = rows.groupBy(group.toArray(Column[]::new)).count().where(col("count").gt(1));
    List<Row> perState = duplicates.groupBy(STEP).count().orderBy(STEP).limit(1).collectAsList();
    if (perState.isEmpty()) {
      return;
    }
    int step = perState.get(0).getInt(0);
    long count = perState.get(0).getLong(1);
    List<String> examples = duplicates.where(col(STEP).equalTo(step)).limit(3).collectAsList().stream()
        .map(row -> {
          List<String> values = new ArrayList<>();
          for (int k = 0; k < key.columns().size(); k++) {
            values.add(String.valueOf(row.get(k)));
          }
          return "(" + String.join(", ", values) + ") on " + row.getLong(row.size() - 1) + " rows";
        })
        .collect(Collectors.toList());
    throw new KeyNotUniqueException(key.columns(), states.get(step).label(), count, examples);
  }

  private List<Column> keyColumns() {
    return key.columns().stream().map(name -> col(AlignedColumns.quoted(name))).toList();
  }

  private static Column datom(Attribute attribute, Column value, Column step, boolean added) {
    return struct(lit(attribute.name()).as("a"), Values.text(value, attribute.type()).as("v"),
        lit(Values.typeName(attribute.type())).as("v_type"), step.as(STEP), lit(added).as("added"));
  }

  private static String field(int index) {
    return "c" + index;
  }

  /** A column of a given type: one attribute of the datoms (a column retyped between states is two). */
  private record Attribute(String name, DataType type) {}
}
