package io.datom.spark.task;

import io.datom.core.CopyItem;
import io.datom.core.CopyOutcome;
import io.datom.core.StoreCopier;
import io.datom.spark.store.HadoopStore;
import io.datom.spark.store.SerializableHadoopConf;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;

/**
 * The executor side of a project copy: one key from the source store to the destination, by core's rules
 * ({@link StoreCopier}: an object only if absent, a document byte for byte). The bytes stream through the executor,
 * never the driver.
 *
 * @param conf        the session's Hadoop configuration (credentials stay in it, never in the task's fields)
 * @param source      the source store path
 * @param destination the destination store path
 */
public record StoreCopyTask(Broadcast<SerializableHadoopConf> conf, String source, String destination)
    implements Function<CopyItem, TaskOutcome<CopyOutcome>> {
  private static final long serialVersionUID = 1L;

  @Override
  public TaskOutcome<CopyOutcome> call(CopyItem item) {
    return TaskOutcome.of(() -> StoreCopier.copy(HadoopStore.at(source, conf.value().get()),
        HadoopStore.at(destination, conf.value().get()), item));
  }
}
