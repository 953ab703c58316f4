package io.datom.spark.write;

import io.datom.core.exceptions.UnhashableColumnsException.Offender;
import io.datom.core.hash.ColumnHasher;
import io.datom.core.hash.ColumnSpec;
import io.datom.core.hash.ColumnType;
import io.datom.core.hash.StringColumnHasher;
import io.datom.core.hash.TypedColumnHasher;
import io.datom.spark.SparkColumnSpecs;
import java.io.IOException;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.vectorized.ColumnarBatch;

/**
 * The task of the hash job for one column: reads that column from every part, in row order, and computes its cv1
 * digest (format §5.2). A string column is read once: its null flags, which the digest needs before any value, come
 * from the parts' {@link NullMasks}.
 */
final class ColumnHashTask implements Function<Integer, ColumnOutcome> {
  private static final long serialVersionUID = 1L;

  private final Broadcast<SerializableHadoopConf> conf;
  private final StructType schema;
  private final List<WrittenPart> parts;

  ColumnHashTask(Broadcast<SerializableHadoopConf> conf, StructType schema, List<WrittenPart> parts) {
    this.conf = conf;
    this.schema = schema;
    this.parts = List.copyOf(parts);
  }

  @Override
  public ColumnOutcome call(Integer ordinal) throws IOException {
    StructField field = schema.fields()[ordinal];
    ColumnSpec spec = SparkColumnSpecs.of(field);
    StructType projection = new StructType(new StructField[] {field});
    Configuration hadoop = conf.value().get();
    BatchFeeder feeder = new BatchFeeder();
    ColumnHasher hasher;
    if (spec.type().kind() == ColumnType.Kind.STRING) {
      StringColumnHasher strings = new StringColumnHasher(spec.name());
      addMask(strings, ordinal, hadoop);
      forEachBatch(projection, hadoop, batch -> feeder.addStrings(batch.column(0), batch.numRows(), strings));
      hasher = strings;
    } else {
      TypedColumnHasher typed = TypedColumnHasher.forColumn(spec);
      forEachBatch(projection, hadoop, batch -> feeder.addTyped(batch.column(0), batch.numRows(), spec.type(), typed));
      hasher = typed;
    }
    Optional<Offender> refusal = hasher.refusal();
    if (refusal.isPresent()) {
      Offender offender = refusal.get();
      return new ColumnOutcome(ordinal, spec.name(), hasher.rowCount(), null, offender.type(), offender.recourse());
    }
    long rows = hasher.rowCount();
    return new ColumnOutcome(ordinal, spec.name(), rows, hasher.finish().sha(), null, null);
  }

  private void addMask(StringColumnHasher hasher, int ordinal, Configuration hadoop) throws IOException {
    for (WrittenPart part : parts) {
      BitSet nulls = part.hasNulls(ordinal) ? NullMasks.read(part.path(), ordinal, hadoop) : new BitSet();
      for (int row = 0; row < part.rows(); row++) {
        hasher.mask(nulls.get(row));
      }
    }
    hasher.endMask();
  }

  private void forEachBatch(StructType projection, Configuration hadoop, BatchConsumer consumer) throws IOException {
    for (WrittenPart part : parts) {
      try (PartReader reader = PartReader.open(part.path(), projection, hadoop)) {
        for (ColumnarBatch batch = reader.next(); batch != null; batch = reader.next()) {
          consumer.accept(batch);
        }
      }
    }
  }

  /** Takes one batch. */
  private interface BatchConsumer {
    void accept(ColumnarBatch batch);
  }
}
