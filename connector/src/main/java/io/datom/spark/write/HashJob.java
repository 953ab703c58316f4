package io.datom.spark.write;

import io.datom.core.exceptions.UnhashableColumnsException;
import io.datom.core.exceptions.UnhashableColumnsException.Offender;
import io.datom.core.hash.ColumnHash;
import io.datom.core.hash.TableHash;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * The "hash" job: one task per column ({@link ColumnHashTask}), since a column's digest is one sequential stream but
 * the columns are independent, so no task hashes the whole table. The driver combines the column digests into the
 * table's {@code data_sha} (format §5.1), or refuses the table naming every column that holds an unhashable value.
 */
final class HashJob {

  private HashJob() {}

  /**
   * Hashes the table held by {@code parts} (in row order), whose columns are {@code schema}.
   *
   * @throws UnhashableColumnsException if the table has no rows, or naming every column with an unhashable value
   */
  static TableHash run(SparkSession spark, Configuration hadoopConf, StructType schema, List<WrittenPart> parts) {
    long nrow = parts.stream().mapToLong(WrittenPart::rows).sum();
    if (nrow == 0) {
      throw UnhashableColumnsException.emptyTable();
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<SerializableHadoopConf> conf = jsc.broadcast(new SerializableHadoopConf(hadoopConf));
    List<ColumnOutcome> outcomes;
    try {
      List<Integer> ordinals = IntStream.range(0, schema.size()).boxed().toList();
      outcomes = new ArrayList<>(
          jsc.parallelize(ordinals, ordinals.size()).map(new ColumnHashTask(conf, schema, parts)).collect());
    } finally {
      conf.destroy();
    }
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
