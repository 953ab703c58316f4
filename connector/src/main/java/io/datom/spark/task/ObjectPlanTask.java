package io.datom.spark.task;

import io.datom.spark.store.SerializableHadoopConf;
import java.util.List;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;

/**
 * The task that plans a version's object from its staged parts ({@link ObjectConcatenator#plan}): it reads only the
 * parts' footers and indexes, and returns the layout, from which upload tasks produce any range of the object.
 */
public final class ObjectPlanTask implements Function<Integer, ObjectLayout> {
  private static final long serialVersionUID = 1L;

  private final Broadcast<SerializableHadoopConf> conf;
  private final List<String> parts;

  public ObjectPlanTask(Broadcast<SerializableHadoopConf> conf, List<String> parts) {
    this.conf = conf;
    this.parts = List.copyOf(parts);
  }

  @Override
  public ObjectLayout call(Integer ignored) throws Exception {
    return ObjectConcatenator.plan(parts, conf.value().get());
  }
}
