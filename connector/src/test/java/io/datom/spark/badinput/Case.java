package io.datom.spark.badinput;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.function.Executable;

/**
 * One bad input: what is set up first, the operation that must be refused, how (the exception type, words its message
 * must say, text it must never show) and a good operation that must work afterwards.
 *
 * @param name    what is wrong, as the test report shows it
 * @param arrange makes the bad state (a damaged file, a session setting); undone by {@code cleanup}
 * @param act     the operation that must be refused
 * @param type    datom's exception, thrown as is or as the cause of Spark's
 * @param says    words the message must contain: the thing's name, and what to do
 * @param hides   text that must appear nowhere in the exception chain (secrets, cell values)
 * @param good    a good operation that must still work afterwards
 * @param cleanup runs last, whatever happened
 */
record Case(String name, Executable arrange, Executable act, Class<? extends Throwable> type, List<String> says,
    List<String> hides, Executable good, Executable cleanup) {

  private static final Executable NOTHING = () -> {};

  /** A case whose {@code act} must be refused; complete it with {@link #raises} and {@link #then}. */
  static Case of(String name, Executable act) {
    return new Case(name, NOTHING, act, null, List.of(), List.of(), null, NOTHING);
  }

  Case raises(Class<? extends Throwable> exception, String... words) {
    return new Case(name, arrange, act, exception, List.of(words), hides, good, cleanup);
  }

  Case hides(String... text) {
    return new Case(name, arrange, act, type, says,
        Stream.concat(hides.stream(), Stream.of(text)).toList(), good, cleanup);
  }

  Case given(Executable setup) {
    return new Case(name, setup, act, type, says, hides, good, cleanup);
  }

  Case then(Executable goodOperation) {
    return new Case(name, arrange, act, type, says, hides, goodOperation, cleanup);
  }

  Case cleanup(Executable undo) {
    return new Case(name, arrange, act, type, says, hides, good, undo);
  }

  @Override
  public String toString() {
    return name;
  }
}
