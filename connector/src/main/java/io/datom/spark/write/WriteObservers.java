package io.datom.spark.write;

import io.datom.core.WriteEvent;
import io.datom.core.WriteObserver;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.spark.sql.SparkSession;

/** The observers registered on each session ({@link DatomWrites#observe}), which its writes hand to core. */
final class WriteObservers {

  private static final Map<SparkSession, List<WriteObserver>> BY_SESSION = new WeakHashMap<>();

  private WriteObservers() {}

  static synchronized DatomWrites.Registration register(SparkSession spark, WriteObserver observer) {
    List<WriteObserver> observers = BY_SESSION.computeIfAbsent(spark, s -> new CopyOnWriteArrayList<>());
    observers.add(observer);
    return () -> observers.remove(observer);
  }

  /** One observer telling every observer registered on {@code spark} now, in registration order. */
  static synchronized WriteObserver of(SparkSession spark) {
    List<WriteObserver> observers = List.copyOf(BY_SESSION.getOrDefault(spark, List.of()));
    if (observers.isEmpty()) {
      return WriteObserver.NONE;
    }
    return new WriteObserver() {
      @Override
      public void stepStarting(WriteEvent event) {
        observers.forEach(observer -> observer.stepStarting(event));
      }

      @Override
      public void stepCompleted(WriteEvent event) {
        observers.forEach(observer -> observer.stepCompleted(event));
      }
    };
  }
}
