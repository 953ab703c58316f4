package io.datom.spark.task;

import io.datom.spark.store.SerializableHadoopConf;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;

/**
 * The task of the concat job: joins the parts into the version's object at its content address, unless an object is
 * already there ({@link ObjectConcatenator}, {@link ObjectPublisher}). It copies row groups without decoding them, so
 * it runs at the speed of the storage, but it is one task: on object stores with a multipart uploader, objects larger
 * than one upload part are placed by many tasks instead ({@link PartUploadTask}), with the same bytes.
 */
public final class ConcatTask implements Function<Integer, ConcatTask.Outcome> {
  private static final long serialVersionUID = 1L;

  /**
   * What the task did.
   *
   * @param created whether it placed the object; {@code false} if one was already at the target
   * @param size the placed object's size (0 when not created)
   * @param sha256 the placed object's SHA-256 ({@code null} when not created)
   */
  public record Outcome(boolean created, long size, String sha256) implements Serializable {}

  private final Broadcast<SerializableHadoopConf> conf;
  private final List<String> parts;
  private final String target;

  public ConcatTask(Broadcast<SerializableHadoopConf> conf, List<String> parts, String target) {
    this.conf = conf;
    this.parts = List.copyOf(parts);
    this.target = target;
  }

  @Override
  public Outcome call(Integer ignored) throws Exception {
    Configuration hadoop = conf.value().get();
    ObjectPublisher publisher = ObjectPublisher.forTarget(new Path(target), hadoop);
    if (publisher.exists()) {
      return new Outcome(false, 0, null);
    }
    ObjectConcatenator.Written written;
    try {
      OutputStream out = publisher.open();
      written = ObjectConcatenator.concat(parts, hadoop, out);
    } catch (FileAlreadyExistsException e) {
      return new Outcome(false, 0, null);
    } catch (Exception e) {
      publisher.abandon();
      throw e;
    }
    return publisher.publish() ? new Outcome(true, written.size(), written.sha256()) : new Outcome(false, 0, null);
  }
}
