package io.datom.core.exceptions;

/**
 * A JSON document could not be parsed. The message names the document (a store key or a file), the line and column
 * of the problem and what was wrong there.
 */
public class MalformedJsonException extends DatomException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final int line;
  private final int column;

  public MalformedJsonException(String source, int line, int column, String problem) {
    super("Malformed JSON in " + source + " at line " + line + ", column " + column + ": " + problem
        + ". Fix or restore the file; datom writes only valid JSON.");
    this.source = source;
    this.line = line;
    this.column = column;
  }

  /** The document that failed to parse, e.g. a store key or a file path. */
  public String source() {
    return source;
  }

  /** 1-based line of the problem. */
  public int line() {
    return line;
  }

  /** 1-based column (in characters) of the problem. */
  public int column() {
    return column;
  }
}
