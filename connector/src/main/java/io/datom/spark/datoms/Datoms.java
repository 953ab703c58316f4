package io.datom.spark.datoms;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;

import io.datom.spark.schema.AlignedColumns;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;

/**
 * What changed in a datom table, cell by cell, as facts {@code [e a v tx added]} in the manner of Datomic: each row
 * is an entity, identified by key columns that are unique within a version (e.g. {@code USUBJID, LBSEQ}); each other
 * column is an attribute; a changed cell is the retraction of its old value and the assertion of its new one in the
 * version that made the change.
 *
 * <p>Columns of the result:
 *
 * <ul>
 *   <li>the key columns, under the names given (the entity, Datomic's {@code e});
 *   <li>{@code a} string: the column name;
 *   <li>{@code v} string and {@code v_type} string: the value as text and the column's type ({@code double},
 *       {@code decimal(10,2)}, {@code timestamp}, …); {@link #value} turns them back into the exact value;
 *   <li>{@code tx} struct&lt;version, timestamp, author struct&lt;name, email&gt;, message&gt;: the version that makes
 *       the change and its provenance, from the table's history;
 *   <li>{@code added} boolean: true for an assertion, false for a retraction.
 * </ul>
 *
 * A new entity asserts each of its non-null cells; a vanished entity retracts them; unchanged cells give nothing.
 * Null is the absence of a fact: a cell that becomes null is a retraction only, one that stops being null an
 * assertion only. A column dropped between versions retracts its values and an added one asserts them; a column whose
 * type changed retracts every old-typed value and asserts every new-typed one.
 *
 * <p>Tables are named as the catalog names them ({@code study.lb}, {@code acme.STUDY_001.lb}, or
 * {@code datom_paths.`s3a://bucket/trial`.lb}); versions by full {@code metadata_sha} or unique prefix. Everything
 * runs in Spark. Two whole versions are compared without shuffling their rows: one Spark job, run when the Dataset is
 * made, reads both side by side by row position, pairs rows by key, checks the key (proven unique from the stored
 * order when the versions are sorted by it, else by one more job) and keeps only changed and unpaired rows for the
 * comparison by key. Otherwise (a longer history, the state before the first version) the result is one plan with
 * one shuffle for any number of versions, in which filters on the key columns reach the scans of the versions, and
 * the key is checked by one Spark job over the key columns when the Dataset is made. The table's history (a metadata
 * read) is read when the Dataset is made. See {@code docs/reading.md}, "What it costs".
 */
public final class Datoms {

  private Datoms() {}

  /**
   * The datoms from version {@code fromVersion} of {@code table} to version {@code toVersion}, all with
   * {@code tx} = {@code toVersion}. Either may be older.
   *
   * @param table       a catalog identifier, e.g. {@code study.lb}
   * @param key         the columns that identify a row in each version
   * @param fromVersion a version or unique prefix; null for the state before the first version (no rows), which
   *                    makes the result every fact of {@code toVersion}, asserted
   * @param toVersion   a version or unique prefix; null for the current version
   * @throws KeyColumnMissingException if a version lacks a key column
   * @throws KeyNotUniqueException if a key value occurs on several rows of a version
   * @throws io.datom.core.exceptions.VersionNotFoundException if no version matches
   * @throws io.datom.core.exceptions.AmbiguousVersionException if a prefix matches several
   */
  public static Dataset<Row> between(SparkSession spark, String table, List<String> key, String fromVersion,
      String toVersion) {
    EntityKey entityKey = EntityKey.of(key);
    TableVersions versions = TableVersions.of(spark, table);
    TableVersions.Version to = versions.resolve(toVersion);
    Snapshot after = versions.snapshot(to);
    if (fromVersion == null) {
      return withTx(CellDiff.datoms(spark, List.of(versions.beforeFirst(), after), entityKey, true),
          List.of(lit(null), to.tx()));
    }
    TableVersions.Version from = versions.resolve(fromVersion);
    // Equal data: no datoms, and no need to read or check either version.
    boolean same = from.dataSha() != null && from.dataSha().equals(to.dataSha());
    Dataset<Row> datoms = CellDiff.datoms(spark, List.of(versions.snapshot(from), after), entityKey, !same);
    return withTx(same ? datoms.where(lit(false)) : datoms, List.of(from.tx(), to.tx()));
  }

  /**
   * The datoms of every step of {@code table}'s history from {@code fromVersion} to {@code toVersion}: for each
   * version after {@code fromVersion} up to {@code toVersion}, what it changed from the version before it, with that
   * version as {@code tx}. Answers "every value this attribute of this entity ever had, and when":
   *
   * <pre>{@code
   * Datoms.history(spark, "study.lb", List.of("USUBJID", "LBSEQ"), null, null)
   *     .where("USUBJID = '01-701-1015' AND a = 'LBSTRESN'").orderBy("tx.timestamp").show();
   * }</pre>
   *
   * @param fromVersion null to start before the first version (so the first version's facts are asserted);
   *                    otherwise the version whose state the history starts from (its own changes are not included)
   * @param toVersion   null for the current version
   * @throws VersionRangeException if {@code fromVersion} is newer than {@code toVersion}
   */
  public static Dataset<Row> history(SparkSession spark, String table, List<String> key, String fromVersion,
      String toVersion) {
    EntityKey entityKey = EntityKey.of(key);
    TableVersions versions = TableVersions.of(spark, table);
    TableVersions.Version to = versions.resolve(toVersion);
    TableVersions.Version from = fromVersion == null ? versions.first() : versions.resolve(fromVersion);
    List<TableVersions.Version> range = versions.range(from, to, fromVersion, toVersion);
    List<Snapshot> states = new ArrayList<>();
    List<Column> txs = new ArrayList<>();
    if (fromVersion == null) {
      states.add(versions.beforeFirst());
      txs.add(lit(null));
    }
    for (TableVersions.Version version : range) {
      states.add(versions.snapshot(version));
      txs.add(version.tx());
    }
    return withTx(CellDiff.datoms(spark, states, entityKey, true), txs);
  }

  /**
   * The datoms from {@code before} to {@code after}, any two DataFrames with the key columns (e.g. two reads of
   * {@code format("datom")} by store path): the same columns as {@link #between(SparkSession, String, List, String,
   * String)} without {@code tx}, which only a table's history knows.
   */
  public static Dataset<Row> between(Dataset<Row> before, Dataset<Row> after, List<String> key) {
    Dataset<Row> datoms = CellDiff.datoms(after.sparkSession(),
        List.of(new Snapshot("the earlier DataFrame", before), new Snapshot("the later DataFrame", after)),
        EntityKey.of(key), true);
    return datoms.drop(CellDiff.STEP);
  }

  /**
   * Whole rows added and retracted from version {@code fromVersion} to {@code toVersion} of {@code table}, compared
   * as multisets (no key needed): the columns of the rows (those of {@code toVersion}, then any only
   * {@code fromVersion} has) and {@code added} (true: a row {@code toVersion} has and {@code fromVersion} lacks).
   *
   * @param fromVersion null for the state before the first version (every row of {@code toVersion} is added)
   * @param toVersion   null for the current version
   * @throws ReservedColumnException if a version has a column named {@code added}
   */
  public static Dataset<Row> rowChanges(SparkSession spark, String table, String fromVersion, String toVersion) {
    TableVersions versions = TableVersions.of(spark, table);
    TableVersions.Version to = versions.resolve(toVersion);
    Snapshot after = versions.snapshot(to);
    if (fromVersion == null) {
      return RowChanges.between(versions.beforeFirst(), after);
    }
    TableVersions.Version from = versions.resolve(fromVersion);
    Dataset<Row> changes = RowChanges.between(versions.snapshot(from), after);
    return from.dataSha() != null && from.dataSha().equals(to.dataSha()) ? changes.where(lit(false)) : changes;
  }

  /**
   * A datom's value as a value of its type: {@code v} cast back losslessly (the inverse of how it was written). For
   * datoms of one attribute, whose {@code v_type} is known:
   * {@code datoms.where("a = 'LBSTRESN'").select(Datoms.value(col("v"), DataTypes.DoubleType))}.
   */
  public static Column value(Column v, DataType type) {
    return Values.value(v, type);
  }

  /** A datom's value as a value of the type named by {@code vType}, as in its {@code v_type} column. */
  public static Column value(Column v, String vType) {
    return Values.value(v, DataType.fromDDL(vType));
  }

  /** {@code datoms} with {@code tx} in place of the step: the struct of the version that made each change. */
  private static Dataset<Row> withTx(Dataset<Row> datoms, List<Column> txByStep) {
    Column tx = element_at(array(txByStep.stream().map(t -> t.cast(TableVersions.TX)).toArray(Column[]::new)),
        col(CellDiff.STEP).plus(1));
    List<Column> columns = new ArrayList<>();
    for (String name : datoms.columns()) {
      columns.add(name.equals(CellDiff.STEP) ? tx.as("tx") : col(AlignedColumns.quoted(name)));
    }
    // tx goes between v_type and added, as in [e a v tx added].
    return datoms.select(columns.toArray(Column[]::new));
  }
}
