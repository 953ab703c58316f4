package io.datom.core;

/**
 * Watches a write step by step: for progress reporting (an engine can name the step in its job description) and, in
 * tests, to simulate a crash at any point.
 *
 * <p>Callbacks run on the writing thread. An exception thrown by a callback aborts the write at that point, exactly as
 * a crash of the writing process would: whatever the completed steps did stays done, and re-running the same write
 * converges (format §14.3, point 5).
 */
public interface WriteObserver {

  /** An observer that does nothing. */
  WriteObserver NONE = new WriteObserver() {};

  /** Called just before {@code event.step()} starts. */
  default void stepStarting(WriteEvent event) {}

  /** Called as soon as {@code event.step()} has completed. */
  default void stepCompleted(WriteEvent event) {}
}
