package io.datom.spark.sql;

import io.datom.spark.exceptions.InvalidOptionsException;
import io.datom.spark.move.StoreMoves;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;

/**
 * Moving a project between stores from SQL ({@link StoreMoves}, {@code DatomStores} in Java), as three functions
 * with the same columns (key, kind, bytes, action, ok, detail):
 *
 * <ul>
 *   <li>{@code datom_store_copy(from, to)}: the copy, one row per key with its action;
 *   <li>{@code datom_store_verify(from, to)}: the verification, one row per key with {@code ok} and the issue;
 *   <li>{@code datom_move(from, to, repo [, region])}: copy, verify and switch the data store in git, with a last
 *       row for {@code .datom/project.yaml}; fails, naming the keys, when the copy does not verify.
 * </ul>
 *
 * The work runs once, when the query is analysed: the rows are its report.
 */
public final class StoreMoveFunction implements DatomTableFunction {

  /** Copy only. */
  public static final String COPY = "datom_store_copy";
  /** Verify only. */
  public static final String VERIFY = "datom_store_verify";
  /** Copy, verify, switch. */
  public static final String MOVE = "datom_move";

  private final String name;

  private StoreMoveFunction(String name) {
    this.name = name;
  }

  /** {@code datom_store_copy}. */
  public static StoreMoveFunction copy() {
    return new StoreMoveFunction(COPY);
  }

  /** {@code datom_store_verify}. */
  public static StoreMoveFunction verify() {
    return new StoreMoveFunction(VERIFY);
  }

  /** {@code datom_move}. */
  public static StoreMoveFunction move() {
    return new StoreMoveFunction(MOVE);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String usage() {
    return switch (name) {
      case COPY -> "_FUNC_(from, to) - Copies every object and metadata file of the datom project in store 'from' to "
          + "store 'to' (objects first, created only where absent; the manifest last). Returns one row per key: key, "
          + "kind, bytes, action (copied, present, replaced), ok, detail.";
      case VERIFY -> "_FUNC_(from, to) - Verifies a copy: every key present with the same size, documents "
          + "byte-identical, each parquet object hashing to its recorded parquet_sha. Returns one row per key with ok "
          + "and, when not ok, the issue in detail.";
      default -> "_FUNC_(from, to, repo [, region]) - Copies the datom project in store 'from' to store 'to', verifies "
          + "the copy and, only if it verified, points the project's data repository 'repo' at 'to' as R's "
          + "datom_repo_set_data_store does. Returns one row per key and one for .datom/project.yaml.";
    };
  }

  @Override
  public LogicalPlan plan(SparkSession spark, FunctionArguments args) {
    String forms = name + (name.equals(MOVE) ? "('<from>', '<to>', '<repo>' [, '<region>'])" : "('<from>', '<to>')");
    if (name.equals(MOVE)) {
      args.requireCount(3, 4, forms);
    } else {
      args.requireCount(2, 2, forms);
    }
    String from = args.string(0, "from");
    String to = args.string(1, "to");
    Dataset<Row> rows;
    try {
      rows = switch (name) {
        case COPY -> StoreMoves.copy(spark, from, to);
        case VERIFY -> StoreMoves.verify(spark, from, to);
        default -> StoreMoves.move(spark, from, to, args.string(2, "repo"), args.optionalString(3, "region"));
      };
    } catch (InvalidOptionsException badTarget) {
      throw FunctionErrors.analysis(name + ": " + badTarget.getMessage(), badTarget);
    }
    return rows.queryExecution().analyzed();
  }
}
