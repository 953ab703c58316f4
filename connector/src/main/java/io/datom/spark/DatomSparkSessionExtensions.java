package io.datom.spark;

import io.datom.spark.sql.ChangesFunction;
import io.datom.spark.sql.DatomTableFunction;
import io.datom.spark.sql.DatomsFunction;
import io.datom.spark.sql.FunctionArguments;
import io.datom.spark.sql.HistoryDatomsFunction;
import io.datom.spark.sql.LastWriteFunction;
import io.datom.spark.sql.RowLevelRefusal;
import io.datom.spark.sql.StoreMoveFunction;
import io.datom.spark.sql.SyncFunction;
import io.datom.spark.sql.ValidateFunction;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.SparkSessionExtensions;
import org.apache.spark.sql.catalyst.FunctionIdentifier;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.ExpressionInfo;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import scala.Function1;
import scala.Tuple3;
import scala.collection.JavaConverters;
import scala.runtime.BoxedUnit;

/**
 * datom's SQL functions, for every session that enables this extension:
 *
 * <pre>
 * spark.sql.extensions = io.datom.spark.DatomSparkSessionExtensions
 * </pre>
 *
 * (with {@code --conf}, in the cluster's Spark config, or on {@code SparkSession.builder().config(...)}; Spark reads it
 * when the session starts). Several extensions are separated by commas. Table functions:
 *
 * <ul>
 *   <li>{@code datom_validate(catalog [, fix])} and {@code datom_validate(store, repo [, fix])}: a project's store
 *       compared with git, and repaired with {@code fix = true} ({@link ValidateFunction}, {@link DatomProjects}).
 *   <li>{@code datom_datoms}, {@code datom_history} and {@code datom_changes}: what changed, cell by cell or row by
 *       row ({@link DatomsFunction}, {@link HistoryDatomsFunction}, {@link ChangesFunction}).
 *   <li>{@code datom_last_write()}: the outcome of the session's last write ({@link LastWriteFunction}).
 *   <li>{@code datom_store_copy}, {@code datom_store_verify} and {@code datom_move}: a project moved to another store,
 *       and its data store switched in git ({@link StoreMoveFunction}, {@link DatomStores}).
 *   <li>{@code datom_sync(catalog, landing)} and {@code datom_sync(store, repo, landing)}: a landing folder of raw
 *       files synced into a project ({@link SyncFunction}, {@link DatomSync}).
 * </ul>
 *
 * It also refuses {@code UPDATE} and {@code MERGE INTO} a datom table with datom's message ({@link RowLevelRefusal});
 * without the extension Spark reports them as unsupported "temporarily", or as an unresolved column.
 */
public final class DatomSparkSessionExtensions implements Function1<SparkSessionExtensions, BoxedUnit> {

  /** The table functions this extension registers; each delegates to a public Java API. */
  private static final List<DatomTableFunction> TABLE_FUNCTIONS = List.of(new ValidateFunction(),
      new ChangesFunction(), new DatomsFunction(), new HistoryDatomsFunction(), new LastWriteFunction(),
      StoreMoveFunction.copy(), StoreMoveFunction.verify(), StoreMoveFunction.move(), new SyncFunction());

  @Override
  public BoxedUnit apply(SparkSessionExtensions extensions) {
    TABLE_FUNCTIONS.forEach(function -> register(extensions, function));
    extensions.injectResolutionRule(session -> new RowLevelRefusal());
    return BoxedUnit.UNIT;
  }

  // Spark's builder takes a scala Seq: collection.Seq on Scala 2.12, immutable.Seq on 2.13. Typing it as Object (and
  // the description as a raw Tuple3) lets one source compile against both.
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void register(SparkSessionExtensions extensions, DatomTableFunction function) {
    ExpressionInfo info = new ExpressionInfo(function.getClass().getName(), null, function.name(), function.usage(), "");
    Function1<Object, LogicalPlan> builder = args -> function.plan(SparkSession.active(), FunctionArguments.of(
        function.name(), JavaConverters.seqAsJavaList((scala.collection.Seq<Expression>) args)));
    extensions.injectTableFunction(new Tuple3(new FunctionIdentifier(function.name()), info, builder));
  }
}
