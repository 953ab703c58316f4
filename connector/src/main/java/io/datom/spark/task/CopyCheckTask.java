package io.datom.spark.task;

import io.datom.core.CopyItem;
import io.datom.core.CopyVerifier;
import io.datom.core.KeyCheck;
import io.datom.core.store.Store;
import io.datom.spark.store.HadoopStore;
import io.datom.spark.store.SerializableHadoopConf;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;

/**
 * The executor side of a copy's verification, one key per call ({@link CopyVerifier}): presence and size, the exact
 * bytes of a document, and for a parquet object its SHA-256 against the recorded {@code parquet_sha}, streamed once.
 *
 * @param conf        the session's Hadoop configuration (credentials stay in it, never in the task's fields)
 * @param source      the source store path
 * @param destination the destination store path
 */
public record CopyCheckTask(Broadcast<SerializableHadoopConf> conf, String source, String destination)
    implements Function<CopyItem, TaskOutcome<KeyCheck>> {
  private static final long serialVersionUID = 1L;

  @Override
  public TaskOutcome<KeyCheck> call(CopyItem item) {
    return TaskOutcome.of(() -> check(item));
  }

  private KeyCheck check(CopyItem item) {
    Store from = HadoopStore.at(source, conf.value().get());
    Store to = HadoopStore.at(destination, conf.value().get());
    KeyCheck structural = CopyVerifier.structural(from, to, item);
    return structural.ok() && !item.kind().isDocument()
        ? CopyVerifier.content(from, to, item, structural.bytes())
        : structural;
  }
}
