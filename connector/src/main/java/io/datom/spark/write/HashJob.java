package io.datom.spark.write;

import io.datom.core.exceptions.UnhashableColumnsException;
import io.datom.core.exceptions.UnhashableColumnsException.Offender;
import io.datom.core.hash.ColumnHash;
import io.datom.core.hash.TableHash;
import io.datom.spark.store.SerializableHadoopConf;
import io.datom.spark.task.ColumnOutcome;
import io.datom.spark.task.HashTask;
import io.datom.spark.task.WriteMetrics;
import io.datom.spark.task.WrittenPart;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * The "hash" job: one task per column ({@link HashTask}), since a column's digest is one sequential stream but the
 * columns are independent, so no task hashes the whole table. The driver combines the column digests into the
 * table's {@code data_sha} (format §5.1), or refuses the table naming every column that holds an unhashable value.
 * Optionally one more task joins the parts into the object at the same time.
 */
final class HashJob {

  private HashJob() {}

  /**
   * The table's hash, and the object joined at {@code joinedObject} if one was asked for.
   *
   * @param hash the table's identity
   * @param object the object joined in the staging directory
   */
  record Hashed(TableHash hash, Optional<HashTask.JoinedObject> object) {}

  /**
   * Hashes the table held by {@code parts} (in row order), whose columns are {@code schema}; also joins the parts
   * into one object at {@code joinedObject} unless it is empty.
   *
   * @throws UnhashableColumnsException if the table has no rows, or naming every column with an unhashable value
   */
  static Hashed run(SparkSession spark, Configuration hadoopConf, StructType schema, List<WrittenPart> parts,
      Optional<String> joinedObject, WriteMetrics.Hashing metrics) {
    long nrow = parts.stream().mapToLong(WrittenPart::rows).sum();
    if (nrow == 0) {
      throw UnhashableColumnsException.emptyTable();
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<SerializableHadoopConf> conf = jsc.broadcast(new SerializableHadoopConf(hadoopConf));
    List<HashTask.Outcome> outcomes;
    try {
      HashTask task = new HashTask(conf, schema, parts, joinedObject.orElse(null), metrics);
      List<Integer> indexes = IntStream.range(0, task.tasks()).boxed().toList();
      outcomes = jsc.parallelize(indexes, indexes.size()).map(task).collect();
    } finally {
      conf.destroy();
    }
    List<ColumnOutcome> columns = new ArrayList<>();
    Optional<HashTask.JoinedObject> object = Optional.empty();
    for (HashTask.Outcome outcome : outcomes) {
      if (outcome instanceof ColumnOutcome column) {
        columns.add(column);
      } else if (outcome instanceof HashTask.JoinedObject joined) {
        object = Optional.of(joined);
      }
    }
    return new Hashed(tableHash(nrow, columns), object);
  }

  private static TableHash tableHash(long nrow, List<ColumnOutcome> outcomes) {
    outcomes.sort(Comparator.comparingInt(ColumnOutcome::ordinal));
    List<Offender> offenders = outcomes.stream().flatMap(o -> o.refusal().stream()).toList();
    if (!offenders.isEmpty()) {
      throw new UnhashableColumnsException(offenders);
    }
    List<ColumnHash> hashes = new ArrayList<>();
    for (ColumnOutcome outcome : outcomes) {
      if (outcome.rows() != nrow) {
        throw new IllegalStateException("Column " + outcome.name() + " was hashed over " + outcome.rows()
            + " rows, but the parts hold " + nrow + "; the staging directory was changed during the write");
      }
      hashes.add(outcome.hash());
    }
    return TableHash.ofColumnHashes(nrow, hashes);
  }
}
