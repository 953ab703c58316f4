package io.datom.core;

import io.datom.core.internal.format.Names;

/** Datom table names (format §10): the one check an engine makes at its edge, with R's messages. */
public final class TableNames {

  private TableNames() {}

  /** Whether {@code name} is a valid datom table name. */
  public static boolean isValid(String name) {
    return Names.isValid(name);
  }

  /**
   * Returns {@code name} if it is a valid datom table name.
   *
   * @throws io.datom.core.exceptions.InvalidNameException if it is not, with R's message
   */
  public static String requireValid(String name) {
    return Names.requireValid(name);
  }
}
