package io.datom.spark.task;

import io.datom.spark.store.SerializableHadoopConf;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.catalyst.CatalystTypeConverters;
import org.apache.spark.sql.catalyst.expressions.BoundReference;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.Literal;
import org.apache.spark.sql.catalyst.expressions.UnsafeProjection;
import org.apache.spark.sql.catalyst.expressions.UnsafeRow;
import org.apache.spark.sql.internal.SQLConf;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.vectorized.ColumnVector;
import org.apache.spark.sql.vectorized.ColumnarBatch;
import org.apache.spark.sql.vectorized.ColumnarBatchRow;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.TaskCompletionListener;
import scala.Function0;
import scala.Function1;
import scala.collection.JavaConverters;

/**
 * Two parquet objects (two versions of a table) read side by side, without a shuffle, keeping only the rows a
 * comparison by key needs: the pairs of rows with the same key whose other cells are not byte for byte the same
 * (both rows), and the rows that found no partner nearby (the residual), so that a comparison by key over what is
 * kept gives what a comparison over all rows would.
 *
 * <p>Task {@code i} reads row group {@code i} of the first object and the row groups of the second whose middle row
 * lies in the same row positions, both in stored order, and pairs rows by key as they come: a row whose key matches
 * the other side's current row, or one the other side left waiting, is paired; any other waits. Rows still waiting at
 * the end of the task, or pushed out when more than a bound wait (the eldest first), are residual. So when two
 * versions keep their rows in nearly the same order (a re-extract with corrections in place), the residual is small
 * and memory is bounded by how far rows moved, not by the number of rows; when the order differs, every row is
 * residual and the result is still complete. Pairing within a task is exact only if each key occurs once per object:
 * the caller checks that first.
 */
public final class PairedScan {

  /** Rows waiting for a partner, per side and task, beyond which the eldest is given up as residual. */
  public static final int WAITING_ROWS = 1 << 16;

  private PairedScan() {}

  /**
   * One object and how its rows map to the compared layout.
   *
   * @param groups             the object's row groups
   * @param schema             its columns (names and Spark types as written)
   * @param keyOrdinals        the key columns' positions in {@code schema}, in key order
   * @param attributeOrdinals  each compared attribute's position in {@code schema}, or -1 where the object lacks it
   */
  public record Side(RowGroups groups, StructType schema, int[] keyOrdinals, int[] attributeOrdinals)
      implements Serializable {}

  /** What one task reads: byte ranges of each object ({@code {start, length}}, or null for nothing). */
  record Window(int index, long[] first, long[] second) implements Serializable {}

  /**
   * The rows of {@code first} (step 0) and {@code second} (step 1) to compare by key, as rows of the key columns,
   * the step (int) and a struct of the attributes ({@code attributes}' fields, null where a side lacks one).
   *
   * @param key        the key columns' names and types in the output (the same types in both objects)
   * @param attributes the compared attributes, in the order of the sides' {@code attributeOrdinals}
   * @param javaTimeValues whether the rows hold timestamps and dates as {@code java.time} values (Instant,
   *                       LocalDate) rather than {@code java.sql} ones: as the session that turns them into a
   *                       DataFrame expects ({@code spark.sql.datetime.java8API.enabled})
   */
  public static Paired pair(JavaSparkContext jsc, Configuration conf, Side first, Side second, StructType key,
      StructType attributes, boolean javaTimeValues) {
    List<Window> windows = windows(first.groups(), second.groups());
    Broadcast<SerializableHadoopConf> hadoop = jsc.broadcast(new SerializableHadoopConf(conf));
    CollectionAccumulator<KeyRun> runs = jsc.sc().collectionAccumulator("datoms: order of the keys");
    JavaRDD<Row> rows = jsc.parallelize(windows, windows.size())
        .flatMap(new PairWindow(hadoop, first, second, key, attributes, runs, javaTimeValues));
    return new Paired(rows, runs, windows.size(), types(key));
  }

  /** The kept rows of a pairing, and what reading them showed of the order of the keys. */
  public static final class Paired {
    private final JavaRDD<Row> rows;
    private final CollectionAccumulator<KeyRun> runs;
    private final int windows;
    private final DataType[] keyTypes;

    private Paired(JavaRDD<Row> rows, CollectionAccumulator<KeyRun> runs, int windows, DataType[] keyTypes) {
      this.rows = rows;
      this.runs = runs;
      this.windows = windows;
      this.keyTypes = keyTypes;
    }

    /** The kept rows (lazy until {@link #keysAscending} runs them). */
    public JavaRDD<Row> rows() {
      return rows;
    }

    /**
     * Runs the pairing (one Spark job; the kept rows are persisted, memory then disk, for the comparison that
     * follows) and says whether each object's keys ascend strictly in stored order, which proves each key occurs
     * once per object. False means not proven: the keys may be unsorted, not repeated.
     */
    public boolean keysAscending() {
      rows.persist(StorageLevel.MEMORY_AND_DISK());
      rows.count();
      KeyRun[][] found = new KeyRun[2][windows];
      for (KeyRun run : runs.value()) {
        found[run.side()][run.window()] = run; // a task run twice reports the same facts twice
      }
      KeyOrdering order = KeyOrdering.ofKeyRows(keyTypes);
      for (KeyRun[] side : found) {
        UnsafeRow previous = null;
        for (KeyRun run : side) {
          if (run == null || !run.ascending()) {
            return false;
          }
          if (run.rows() == 0) {
            continue;
          }
          if (previous != null && order.compare(previous, run.first()) >= 0) {
            return false;
          }
          previous = run.last();
        }
      }
      return true;
    }
  }

  /**
   * What one side of one window showed of its keys: whether they ascend strictly, and the first and last (null
   * without rows).
   */
  record KeyRun(int window, int side, long rows, boolean ascending, UnsafeRow first, UnsafeRow last)
      implements Serializable {}

  /** One window per row group of {@code first}; each row group of {@code second} goes where its middle row lies. */
  static List<Window> windows(RowGroups first, RowGroups second) {
    int count = Math.max(1, first.size());
    List<Window> windows = new ArrayList<>();
    int next = 0;
    for (int i = 0; i < count; i++) {
      int from = next;
      while (next < second.size() && (i == count - 1 || second.middleRow(next) < first.firstRow(i + 1))) {
        next++;
      }
      windows.add(new Window(i, first.size() == 0 ? null : first.split(i, i + 1), second.split(from, next)));
    }
    return windows;
  }

  /** Pairs the rows of one window. */
  private static final class PairWindow implements FlatMapFunction<Window, Row> {
    private static final long serialVersionUID = 1L;

    private final Broadcast<SerializableHadoopConf> conf;
    private final Side first;
    private final Side second;
    private final StructType key;
    private final StructType attributes;
    private final CollectionAccumulator<KeyRun> runs;
    private final boolean javaTimeValues;

    PairWindow(Broadcast<SerializableHadoopConf> conf, Side first, Side second, StructType key,
        StructType attributes, CollectionAccumulator<KeyRun> runs, boolean javaTimeValues) {
      this.runs = runs;
      this.javaTimeValues = javaTimeValues;
      this.conf = conf;
      this.first = first;
      this.second = second;
      this.key = key;
      this.attributes = attributes;
    }

    @Override
    public Iterator<Row> call(Window window) throws IOException {
      Configuration hadoop = conf.value().get();
      Cursor before = Cursor.open(first, window.first(), key, attributes, hadoop);
      Cursor after = Cursor.open(second, window.second(), key, attributes, hadoop);
      TaskContext.get().addTaskCompletionListener((TaskCompletionListener) context -> {
        before.close();
        after.close();
      });
      return new Pairing(before, after, first, second, key, attributes, javaTimeValues, () -> {
        runs.add(before.run(window.index(), 0));
        runs.add(after.run(window.index(), 1));
      });
    }
  }

  /**
   * The rows of one side's part of a window, in place in the reader's batches; each row's key and attributes are
   * copied out only when asked. Checks as it goes whether the keys ascend strictly.
   */
  private static final class Cursor {
    private final PartReader reader;
    private final UnsafeProjection keyOf;
    private final UnsafeProjection attributesOf;
    private final KeyOrdering order;
    private final KeyOrdering keyRowOrder;
    private ColumnVector[] columns;
    /** How many batches were read: a batch's dictionaries last until the next. */
    private long batches;
    private ColumnarBatchRow row;
    private ColumnarBatchRow previous;
    private int rows;
    private long count;
    private boolean ascending = true;
    /** The key of the last row of the previous batch (then of the last row), copied. */
    private UnsafeRow boundary;
    private UnsafeRow first;
    private UnsafeRow key;
    private UnsafeRow attributes;

    private Cursor(PartReader reader, UnsafeProjection keyOf, UnsafeProjection attributesOf, KeyOrdering order,
        KeyOrdering keyRowOrder) {
      this.reader = reader;
      this.keyOf = keyOf;
      this.attributesOf = attributesOf;
      this.order = order;
      this.keyRowOrder = keyRowOrder;
    }

    static Cursor open(Side side, long[] split, StructType key, StructType attributes, Configuration conf)
        throws IOException {
      List<Expression> keyColumns = new ArrayList<>();
      for (int k = 0; k < side.keyOrdinals().length; k++) {
        keyColumns.add(new BoundReference(side.keyOrdinals()[k], key.fields()[k].dataType(), true));
      }
      List<Expression> attributeColumns = new ArrayList<>();
      StructField[] fields = attributes.fields();
      for (int a = 0; a < fields.length; a++) {
        int ordinal = side.attributeOrdinals()[a];
        attributeColumns.add(ordinal < 0 ? Literal.create(null, fields[a].dataType())
            : new BoundReference(ordinal, fields[a].dataType(), true));
      }
      PartReader reader = split == null ? null
          : PartReader.open(new Path(side.groups().object()), split[0], split[1], side.schema(), conf);
      return new Cursor(reader, UnsafeProjection.create(seq(keyColumns)),
          UnsafeProjection.create(seq(attributeColumns)), new KeyOrdering(types(key), side.keyOrdinals()),
          KeyOrdering.ofKeyRows(types(key)));
    }

    /** Moves to the next row; false after the last. */
    boolean advance() {
      key = null;
      attributes = null;
      while (row == null || row.rowId + 1 >= rows) {
        if (row != null && rows > 0) {
          boundary = keyOf.apply(row).copy(); // before the batch is refilled
        }
        ColumnarBatch next = nextBatch();
        if (next == null) {
          rows = 0;
          row = null;
          return false;
        }
        batches++;
        if (previous == null) {
          columns = new ColumnVector[next.numCols()];
          for (int c = 0; c < columns.length; c++) {
            columns[c] = next.column(c);
          }
          row = new ColumnarBatchRow(columns);
          previous = new ColumnarBatchRow(columns);
        }
        rows = next.numRows();
        row.rowId = -1;
      }
      row.rowId++;
      count++;
      if (ascending) {
        if (row.rowId > 0) {
          ascending = order.ascending(columns, row.rowId - 1, row.rowId, previous, row);
        } else if (boundary != null) {
          ascending = keyRowOrder.compare(boundary, key()) < 0;
        }
      }
      if (first == null) {
        first = key().copy();
      }
      return true;
    }

    /** What this side's rows showed of their keys' order. */
    KeyRun run(int window, int side) {
      return new KeyRun(window, side, count, ascending, first, boundary);
    }

    /** The current row's key (a row the next {@link #advance} reuses). */
    UnsafeRow key() {
      if (key == null) {
        key = keyOf.apply(row);
      }
      return key;
    }

    /** The current row's attributes (a row the next {@link #advance} reuses). */
    UnsafeRow attributes() {
      if (attributes == null) {
        attributes = attributesOf.apply(row);
      }
      return attributes;
    }

    private ColumnarBatch nextBatch() {
      if (reader == null) {
        return null;
      }
      try {
        return reader.next();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    void close() {
      if (reader != null) {
        try {
          reader.close();
        } catch (IOException ignored) {
          // The task is over; nothing depends on the reader any more.
        }
      }
    }
  }

  /** The kept rows of one window, produced as the two sides are read. */
  private static final class Pairing implements Iterator<Row> {
    private final Cursor before;
    private final Cursor after;
    /** Reports the order of the keys once every row is read. */
    private final Runnable atEnd;
    private final Function1<Object, Object> keyRow;
    private final Function1<Object, Object> attributesRow;
    private final int keyColumns;
    private final SameCells sameKey;
    /** The in-place test of the attributes; null if a type has none (then their copies are compared). */
    private final SameCells sameCells;
    /** Rows of each side waiting for a partner, by key, eldest first. */
    private final LinkedHashMap<UnsafeRow, UnsafeRow> waitingBefore = new LinkedHashMap<>();
    private final LinkedHashMap<UnsafeRow, UnsafeRow> waitingAfter = new LinkedHashMap<>();
    private final ArrayDeque<Row> kept = new ArrayDeque<>();
    private boolean done;

    Pairing(Cursor before, Cursor after, Side first, Side second, StructType key, StructType attributes,
        boolean javaTimeValues, Runnable atEnd) {
      this.atEnd = atEnd;
      this.before = before;
      this.after = after;
      this.sameKey = new SameCells(types(key), first.keyOrdinals(), second.keyOrdinals());
      DataType[] attributeTypes = types(attributes);
      this.sameCells = SameCells.covers(attributeTypes)
          ? new SameCells(attributeTypes, first.attributeOrdinals(), second.attributeOrdinals())
          : null;
      // Spark picks the external type of timestamps and dates from the SQL settings in force when a converter is
      // made; a task outside a query has the defaults, so the session's choice is stated.
      SQLConf values = new SQLConf();
      values.setConfString(SQLConf.DATETIME_JAVA8API_ENABLED().key(), String.valueOf(javaTimeValues));
      this.keyRow = SQLConf.withExistingConf(values,
          (Function0<Function1<Object, Object>>) () -> CatalystTypeConverters.createToScalaConverter(key));
      this.attributesRow = SQLConf.withExistingConf(values,
          (Function0<Function1<Object, Object>>) () -> CatalystTypeConverters.createToScalaConverter(attributes));
      this.keyColumns = key.fields().length;
    }

    @Override
    public boolean hasNext() {
      while (kept.isEmpty() && !done) {
        step();
      }
      return !kept.isEmpty();
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return kept.poll();
    }

    private void step() {
      boolean hasBefore = before.advance();
      boolean hasAfter = after.advance();
      if (!hasBefore && !hasAfter) {
        giveUp(waitingBefore, 0);
        giveUp(waitingAfter, 1);
        done = true;
        atEnd.run();
        return;
      }
      if (hasBefore && hasAfter && sameKey.sameIn(before.columns, before.row.rowId, before.batches, after.columns,
          after.row.rowId, after.batches)) {
        // The common case, rows in the same order: compared in place, nothing copied unless a cell differs.
        if (sameCells == null ? !before.attributes().equals(after.attributes())
            : !sameCells.sameIn(before.columns, before.row.rowId, before.batches, after.columns, after.row.rowId,
                after.batches)) {
          keepChanged();
        }
        return;
      }
      if (hasBefore) {
        UnsafeRow partner = waitingAfter.isEmpty() ? null : waitingAfter.remove(before.key());
        if (partner != null) {
          compare(before.key(), before.attributes(), partner);
        } else {
          await(waitingBefore, before, 0);
        }
      }
      if (hasAfter) {
        UnsafeRow partner = waitingBefore.isEmpty() ? null : waitingBefore.remove(after.key());
        if (partner != null) {
          compare(after.key(), partner, after.attributes());
        } else {
          await(waitingAfter, after, 1);
        }
      }
    }

    /**
     * Keeps both rows of a pair with the same key, read in place, whose cells are not all the same. Cells the same in
     * both are kept as nulls in both: they give no datom either way, and the comparison that follows has less to do.
     */
    private void keepChanged() {
      UnsafeRow old = before.attributes();
      UnsafeRow now = after.attributes();
      if (sameCells != null) {
        old = old.copy();
        now = now.copy();
        for (int i = 0; i < sameCells.size(); i++) {
          if (sameCells.sameAt(i, before.columns, before.row.rowId, before.batches, after.columns,
              after.row.rowId, after.batches)) {
            old.setNullAt(i);
            now.setNullAt(i);
          }
        }
      }
      keep(before.key(), 0, old);
      keep(before.key(), 1, now);
    }

    /** Keeps both rows of a pair unless their attributes are the same bytes (then no cell of theirs differs). */
    private void compare(UnsafeRow key, UnsafeRow old, UnsafeRow now) {
      if (!old.equals(now)) {
        keep(key, 0, old);
        keep(key, 1, now);
      }
    }

    private void await(LinkedHashMap<UnsafeRow, UnsafeRow> waiting, Cursor cursor, int step) {
      waiting.put(cursor.key().copy(), cursor.attributes().copy());
      if (waiting.size() > WAITING_ROWS) {
        Iterator<Map.Entry<UnsafeRow, UnsafeRow>> eldest = waiting.entrySet().iterator();
        Map.Entry<UnsafeRow, UnsafeRow> entry = eldest.next();
        eldest.remove();
        keep(entry.getKey(), step, entry.getValue());
      }
    }

    private void giveUp(LinkedHashMap<UnsafeRow, UnsafeRow> waiting, int step) {
      for (Map.Entry<UnsafeRow, UnsafeRow> entry : waiting.entrySet()) {
        keep(entry.getKey(), step, entry.getValue());
      }
      waiting.clear();
    }

    private void keep(UnsafeRow key, int step, UnsafeRow attributes) {
      Row keyValues = (Row) keyRow.apply(key);
      Object[] values = new Object[keyColumns + 2];
      for (int k = 0; k < keyColumns; k++) {
        values[k] = keyValues.get(k);
      }
      values[keyColumns] = step;
      values[keyColumns + 1] = attributesRow.apply(attributes);
      kept.add(RowFactory.create(values));
    }
  }

  private static DataType[] types(StructType struct) {
    DataType[] types = new DataType[struct.fields().length];
    for (int i = 0; i < types.length; i++) {
      types[i] = struct.fields()[i].dataType();
    }
    return types;
  }

  static <T> scala.collection.immutable.Seq<T> seq(List<T> list) {
    return JavaConverters.asScalaBuffer(list).toList();
  }
}
