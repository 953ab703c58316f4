package io.datom.examples.bench.history;

import io.datom.core.WriteEvent;
import io.datom.core.WriteObserver;
import io.datom.core.WriteStep;
import java.util.EnumMap;
import java.util.Map;

/** Times the steps of one write (summed over its attempts) as a {@link WriteObserver}. */
final class StepClock implements WriteObserver {

  private final Map<WriteStep, Long> started = new EnumMap<>(WriteStep.class);
  private final Map<WriteStep, Long> nanos = new EnumMap<>(WriteStep.class);

  @Override
  public void stepStarting(WriteEvent event) {
    started.put(event.step(), System.nanoTime());
  }

  @Override
  public void stepCompleted(WriteEvent event) {
    // A rejected push completes as PUSH_REJECTED what started as PUSHED.
    WriteStep startedAs = event.step() == WriteStep.PUSH_REJECTED ? WriteStep.PUSHED : event.step();
    Long start = started.remove(startedAs);
    if (start != null) {
      nanos.merge(event.step(), System.nanoTime() - start, Long::sum);
    }
  }

  /** Seconds spent in {@code step}, 0 if it did not run. */
  double seconds(WriteStep step) {
    return nanos.getOrDefault(step, 0L) / 1e9;
  }

  /** Seconds spent in all steps. */
  double total() {
    return nanos.values().stream().mapToLong(Long::longValue).sum() / 1e9;
  }

  void reset() {
    started.clear();
    nanos.clear();
  }
}
