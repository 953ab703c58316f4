package io.datom.spark.task;

import io.datom.core.exceptions.UnhashableColumnsException.Offender;
import io.datom.core.hash.ColumnHasher;
import io.datom.core.hash.ColumnSpec;
import io.datom.core.hash.ColumnType;
import io.datom.core.hash.StringColumnHasher;
import io.datom.core.hash.TypedColumnHasher;
import io.datom.spark.schema.SparkColumnSpecs;
import io.datom.spark.store.SerializableHadoopConf;
import java.io.IOException;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.vectorized.ColumnarBatch;

/**
 * A task of the hash job. Each column task reads its column from every part, in row order, and computes the column's
 * cv1 digest (format §5.2); a string column is read once, its null flags (which the digest needs before any value)
 * coming from the parts' {@link NullMasks}. When the store can publish an object without copying it, one more task,
 * the first, joins the parts into the version's object in the staging directory meanwhile, so that placing it later
 * is a link or a rename ({@link StagedObject}).
 */
public final class HashTask implements Function<Integer, HashTask.Outcome> {
  private static final long serialVersionUID = 1L;
  private static final int MASK_RUN = 1 << 16;

  /** What a task sends back: a column's digest or refusal, or the object it joined. */
  public sealed interface Outcome extends java.io.Serializable permits ColumnOutcome, JoinedObject {}

  /**
   * The version's object, joined in the staging directory.
   *
   * @param path its Hadoop path
   * @param size its size in bytes
   * @param sha256 the SHA-256 of its bytes
   */
  public record JoinedObject(String path, long size, String sha256) implements Outcome {}

  private final Broadcast<SerializableHadoopConf> conf;
  private final StructType schema;
  private final List<WrittenPart> parts;
  private final String joinedObject;
  private final WriteMetrics.Hashing metrics;

  /**
   * @param joinedObject where the first task joins the parts into the object, or {@code null} for column tasks only
   * @param metrics what the column tasks count their hashing in
   */
  public HashTask(Broadcast<SerializableHadoopConf> conf, StructType schema, List<WrittenPart> parts,
      String joinedObject, WriteMetrics.Hashing metrics) {
    this.conf = conf;
    this.schema = schema;
    this.parts = List.copyOf(parts);
    this.joinedObject = joinedObject;
    this.metrics = metrics;
  }

  /** How many tasks the job has. */
  public int tasks() {
    return schema.size() + (joinedObject == null ? 0 : 1);
  }

  @Override
  public Outcome call(Integer index) throws IOException {
    Configuration hadoop = conf.value().get();
    if (joinedObject == null) {
      return hashColumn(index, hadoop);
    }
    return index == 0 ? join(hadoop) : hashColumn(index - 1, hadoop);
  }

  private JoinedObject join(Configuration hadoop) throws IOException {
    Path path = new Path(joinedObject);
    ObjectConcatenator.Written written = ObjectConcatenator.concat(parts.stream().map(WrittenPart::path).toList(),
        hadoop, ObjectPublisher.openDurable(path, hadoop));
    return new JoinedObject(joinedObject, written.size(), written.sha256());
  }

  private ColumnOutcome hashColumn(int ordinal, Configuration hadoop) throws IOException {
    long started = System.nanoTime();
    StructField field = schema.fields()[ordinal];
    ColumnSpec spec = SparkColumnSpecs.of(field);
    StructType projection = new StructType(new StructField[] {field});
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
    ColumnOutcome outcome = outcome(ordinal, spec.name(), hasher);
    metrics.hashed(System.nanoTime() - started);
    return outcome;
  }

  private static ColumnOutcome outcome(int ordinal, String name, ColumnHasher hasher) {
    Optional<Offender> refusal = hasher.refusal();
    if (refusal.isPresent()) {
      Offender offender = refusal.get();
      return new ColumnOutcome(ordinal, name, hasher.rowCount(), null, offender.type(), offender.recourse());
    }
    long rows = hasher.rowCount();
    return new ColumnOutcome(ordinal, name, rows, hasher.finish().sha(), null, null);
  }

  private void addMask(StringColumnHasher hasher, int ordinal, Configuration hadoop) throws IOException {
    boolean[] flags = new boolean[MASK_RUN];
    for (WrittenPart part : parts) {
      BitSet nulls = part.hasNulls(ordinal) ? NullMasks.read(part.path(), ordinal, hadoop) : null;
      for (int done = 0; done < part.rows(); ) {
        int run = (int) Math.min(MASK_RUN, part.rows() - done);
        if (nulls == null) {
          hasher.mask(null, 0, run);
        } else {
          for (int i = 0; i < run; i++) {
            flags[i] = nulls.get(done + i);
          }
          hasher.mask(flags, 0, run);
        }
        done += run;
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
