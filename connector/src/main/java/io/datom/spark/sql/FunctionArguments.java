package io.datom.spark.sql;

import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NullType;
import org.apache.spark.sql.types.StringType;

/**
 * The arguments of one call of a datom table function. Only constants are accepted (literals, or expressions Spark
 * can fold into one, such as {@code concat('st', 'udy')}), evaluated on the driver while the query is analysed;
 * anything else is refused with an {@link AnalysisException} naming the function, the argument and what it must be.
 */
public final class FunctionArguments {

  private final String function;
  private final List<Expression> args;

  private FunctionArguments(String function, List<Expression> args) {
    this.function = function;
    this.args = List.copyOf(args);
  }

  /** The arguments {@code args} of a call of {@code function}. */
  public static FunctionArguments of(String function, List<Expression> args) {
    return new FunctionArguments(function, args);
  }

  /** How many arguments were given. */
  public int size() {
    return args.size();
  }

  /**
   * Refuses a call with fewer than {@code min} or more than {@code max} arguments.
   *
   * @param forms how the function is called, for the message, e.g. {@code datom_validate(catalog [, fix])}
   */
  public void requireCount(int min, int max, String forms) {
    if (args.size() < min || args.size() > max) {
      throw error(function + " takes " + (min == max ? String.valueOf(min) : min + " to " + max) + " arguments, "
          + "but was given " + args.size() + ". Call it as " + forms + ".");
    }
  }

  /** Whether argument {@code index} (from 0) is a string, such as a quoted literal. */
  public boolean isString(int index) {
    return args.get(index).dataType() instanceof StringType;
  }

  /** Whether argument {@code index} (from 0) is a boolean, such as {@code true}. */
  public boolean isBoolean(int index) {
    return args.get(index).dataType() instanceof BooleanType;
  }

  /** Argument {@code index} (from 0), called {@code name} in messages, as a non-null constant string. */
  public String string(int index, String name) {
    return constant(index, name, StringType.class, "a string such as 'study'").toString();
  }

  /**
   * Argument {@code index} (from 0), called {@code name} in messages, as a constant string; null if it is
   * {@code NULL} or was not given.
   */
  public String optionalString(int index, String name) {
    if (index >= args.size() || (args.get(index).foldable() && args.get(index).eval(null) == null)) {
      return null;
    }
    return string(index, name);
  }

  /** Argument {@code index} (from 0), called {@code name} in messages, as a non-null constant boolean. */
  public boolean bool(int index, String name) {
    return (Boolean) constant(index, name, BooleanType.class, "true or false");
  }

  /**
   * Throws an {@link AnalysisException} with {@code message}, which should name the function; declared to return an
   * unchecked exception so that callers can write {@code throw args.error(...)}.
   */
  public RuntimeException error(String message) {
    return FunctionErrors.analysis(message, null);
  }

  private Object constant(int index, String name, Class<? extends DataType> type, String expected) {
    Expression arg = args.get(index);
    String which = "Argument " + (index + 1) + " of " + function + " (" + name + ")";
    if (!arg.foldable()) {
      throw error(which + " must be a constant (" + expected + "), but is " + arg.sql() + ", which is not.");
    }
    Object value = arg.eval(null);
    if (value == null || arg.dataType() instanceof NullType) {
      throw error(which + " must be " + expected + ", not NULL.");
    }
    if (!type.isInstance(arg.dataType())) {
      throw error(which + " must be " + expected + ", but is " + arg.sql() + " of type "
          + arg.dataType().simpleString().toLowerCase(Locale.ROOT) + ".");
    }
    return value;
  }
}
