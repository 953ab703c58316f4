package io.datom.core.internal.format;

import io.datom.core.exceptions.InvalidNameException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Table and project names (format §10). R checks both with the same function, so the messages say "`name`" for
 * either. Spaces and parentheses are legal, so storage keys can contain them.
 */
public final class Names {

  /** Names R refuses, compared lowercased. */
  public static final Set<String> RESERVED =
      Set.of(".metadata", ".datom", "input_files", "datom", ".git", ".gitignore", "renv");

  private static final int MAX_LENGTH = 128;
  private static final Pattern ALLOWED = Pattern.compile("[a-zA-Z][a-zA-Z0-9_ ()-]*");

  private Names() {}

  /**
   * Returns {@code name} if it is a valid table or project name.
   *
   * @throws InvalidNameException with R's message for the first rule it breaks
   */
  public static String requireValid(String name) {
    if (name == null) {
      throw new InvalidNameException(null, "`name` must be a single non-NA character string.");
    }
    if (name.isEmpty()) {
      throw new InvalidNameException(name, "`name` must not be empty.");
    }
    int length = name.codePointCount(0, name.length());
    if (length > MAX_LENGTH) {
      throw new InvalidNameException(name, "`name` must be 128 characters or fewer (got " + length + ").");
    }
    char first = name.charAt(0);
    if (!((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z'))) {
      throw new InvalidNameException(name, "`name` must start with a letter. Got: " + quoted(name));
    }
    if (!ALLOWED.matcher(name).matches()) {
      throw new InvalidNameException(name, "`name` may only contain letters, numbers, underscores, hyphens, spaces,"
          + " and parentheses. Got: " + quoted(name));
    }
    if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
      throw new InvalidNameException(name,
          quoted(name) + " is a reserved name and cannot be used as a table name.");
    }
    return name;
  }

  /** Whether {@code name} passes {@link #requireValid}. */
  public static boolean isValid(String name) {
    try {
      requireValid(name);
      return true;
    } catch (InvalidNameException e) {
      return false;
    }
  }

  /** How R's cli shows a string value: in double quotes, with quotes and backslashes escaped. */
  static String quoted(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
