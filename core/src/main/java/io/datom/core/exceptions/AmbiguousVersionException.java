package io.datom.core.exceptions;

import java.util.List;

/** A version prefix matches more than one version of a table. */
public class AmbiguousVersionException extends DatomException {
  private static final long serialVersionUID = 1L;
  private final String table;
  private final String prefix;
  private final List<String> matches;

  public AmbiguousVersionException(String table, String prefix, List<String> matches) {
    // R's datom_read message, word for word.
    super("Version prefix " + prefix + " is ambiguous for " + table + ". It matches " + matches.size()
        + " versions. Use a longer prefix.");
    this.table = table;
    this.prefix = prefix;
    this.matches = List.copyOf(matches);
  }

  /** The table whose history was searched. */
  public String table() {
    return table;
  }

  /** The prefix that was asked for. */
  public String prefix() {
    return prefix;
  }

  /** Every full version the prefix matches, newest first. */
  public List<String> matches() {
    return matches;
  }
}
