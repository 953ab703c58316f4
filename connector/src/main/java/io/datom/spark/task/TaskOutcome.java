package io.datom.spark.task;

import io.datom.core.exceptions.DatomException;
import java.io.Serializable;
import java.util.function.Supplier;

/**
 * What a task returns when datom's own refusal must reach the driver as itself: Spark reports a failed task as a
 * {@code SparkException} holding only the message, so the task catches the {@link DatomException} and returns it,
 * and the driver rethrows it, typed, with its facts.
 *
 * @param value the result, when the task succeeded
 * @param error datom's refusal, when it did not
 */
public record TaskOutcome<T extends Serializable>(T value, DatomException error) implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Runs {@code body}, keeping a {@link DatomException} it throws as the outcome. */
  public static <T extends Serializable> TaskOutcome<T> of(Supplier<T> body) {
    try {
      return new TaskOutcome<>(body.get(), null);
    } catch (DatomException e) {
      return new TaskOutcome<>(null, e);
    }
  }

  /** The value, or the task's datom error thrown on the calling thread. */
  public T get() {
    if (error != null) {
      throw error;
    }
    return value;
  }
}
