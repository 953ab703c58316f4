package io.datom.core;

/**
 * One step of one write, as reported to a {@link WriteObserver}.
 *
 * @param table   the table being written
 * @param step    the step
 * @param attempt 1 for the first attempt, incremented after each rejected push
 */
public record WriteEvent(String table, WriteStep step, int attempt) {}
