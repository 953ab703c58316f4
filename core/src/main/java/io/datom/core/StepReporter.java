package io.datom.core;

import java.util.function.Supplier;

/** Tells a {@link WriteObserver} about the steps of one write, numbering its attempts. */
final class StepReporter {

  private final WriteObserver observer;
  private final String table;
  private int attempt = 1;

  StepReporter(WriteObserver observer, String table) {
    this.observer = observer;
    this.table = table;
  }

  /** Runs {@code body} as {@code step}, reporting its start and completion. */
  <T> T run(WriteStep step, Supplier<T> body) {
    starting(step);
    T result = body.get();
    completed(step);
    return result;
  }

  /** Runs {@code body} as {@code step}, reporting its start and completion. */
  void run(WriteStep step, Runnable body) {
    run(step, () -> {
      body.run();
      return null;
    });
  }

  void starting(WriteStep step) {
    observer.stepStarting(new WriteEvent(table, step, attempt));
  }

  void completed(WriteStep step) {
    observer.stepCompleted(new WriteEvent(table, step, attempt));
  }

  /** Starts the next attempt after a rejected push. */
  void nextAttempt() {
    attempt++;
  }

  int attempt() {
    return attempt;
  }
}
