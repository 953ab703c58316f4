package io.datom.spark.landing;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * A SAS transport (XPORT version 5) file, the format of FDA submissions, read as one sequential stream: 80-byte
 * records, a library header, then the first member's descriptor, its variables (namestr records) and its
 * observations, packed back to back and padded with blanks to the end of the last record. Numbers are IBM floating
 * point ({@link IbmFloat}); character values lose their trailing blanks and are decoded as UTF-8 when they are valid
 * UTF-8, else as ISO-8859-1. Only the first member is read, as R's {@code haven::read_xpt} does.
 *
 * <p>Refused with a {@link SasFormatException}: a file that is not XPORT (including version 8, {@code LIBV8}), a
 * variable of length 0, a numeric variable shorter than 2 or longer than 8 bytes.
 */
public final class XptFile implements SasFile {

  private static final int RECORD = 80;
  private static final String LIBRARY_V5 = "HEADER RECORD*******LIBRARY HEADER RECORD!!!!!!!";
  private static final String LIBRARY_V8 = "HEADER RECORD*******LIBV8   HEADER RECORD!!!!!!!";
  private static final String MEMBER = "HEADER RECORD*******MEMBER  HEADER RECORD!!!!!!!";
  private static final String MEMBER_V8 = "HEADER RECORD*******MEMBV8  HEADER RECORD!!!!!!!";
  private static final String DESCRIPTOR = "HEADER RECORD*******DSCRPTR HEADER RECORD!!!!!!!";
  private static final String NAMESTR = "HEADER RECORD*******NAMESTR HEADER RECORD!!!!!!!";
  private static final String OBS = "HEADER RECORD*******OBS     HEADER RECORD!!!!!!!";

  private final InputStream in;
  private final String source;
  private final List<SasColumn> columns;
  private final int[] offsets;
  private final int rowLength;
  /** Observation bytes read but not yet cut into rows. */
  private final byte[] pending;
  private int pendingLength;
  /** Rows that are entirely blank, held back: trailing ones may be the last record's padding. */
  private final Deque<byte[]> held = new ArrayDeque<>();
  private long heldStart;
  /** Rows cut and known to be real, in order. */
  private final Deque<byte[]> ready = new ArrayDeque<>();
  private long rowsCut;
  /** Bytes of observations read so far. */
  private long dataRead;
  private boolean ended;

  private XptFile(InputStream in, String source, List<SasColumn> columns, int[] offsets, int rowLength) {
    this.in = in;
    this.source = source;
    this.columns = List.copyOf(columns);
    this.offsets = offsets;
    this.rowLength = rowLength;
    this.pending = new byte[rowLength + RECORD];
  }

  /**
   * Reads the headers of the transport file {@code in} (named {@code source} in messages), leaving the stream at the
   * first observation.
   *
   * @throws SasFormatException if it is not a version 5 transport file
   */
  public static XptFile open(InputStream in, String source) throws IOException {
    String library = text(record(in, source), 0, RECORD);
    if (library.startsWith(LIBRARY_V8)) {
      throw new SasFormatException(source + " is a SAS transport file of version 8 (LIBV8), which is not supported: "
          + "export it as version 5 (the FDA's format), e.g. with the XPORT engine or %loc2xpt(format=V5).");
    }
    if (!library.startsWith(LIBRARY_V5)) {
      throw new SasFormatException(source + " is not a SAS transport (XPORT) file: it does not start with the library"
          + " header record.");
    }
    record(in, source); // first real header: SAS, SASLIB, version, OS, created
    record(in, source); // second real header: modified
    String member = text(record(in, source), 0, RECORD);
    if (member.startsWith(MEMBER_V8) || !member.startsWith(MEMBER)) {
      throw new SasFormatException(source + " has no version 5 member header where one is due.");
    }
    int namestrLength = member.substring(74, 78).trim().equals("136") ? 136 : 140;
    requireHeader(record(in, source), DESCRIPTOR, source);
    record(in, source); // member descriptor: SAS, data set name, SASDATA, version, OS, created
    record(in, source); // modified, label, type
    byte[] namestrHeader = record(in, source);
    requireHeader(namestrHeader, NAMESTR, source);
    int count = parseCount(text(namestrHeader, 54, 58), source);
    if (count <= 0) {
      throw new SasFormatException(source + " has no variables: there is no table to import.");
    }
    byte[] namestrs = readFully(in, padded(count * namestrLength), source);
    List<SasColumn> columns = new ArrayList<>(count);
    int[] offsets = new int[count];
    int rowLength = 0;
    for (int i = 0; i < count; i++) {
      int at = i * namestrLength;
      boolean numeric = shortAt(namestrs, at) == 1;
      int length = shortAt(namestrs, at + 4);
      String name = text(namestrs, at + 8, at + 16).stripTrailing();
      String format = text(namestrs, at + 56, at + 64).stripTrailing();
      int position = intAt(namestrs, at + 84);
      if (length <= 0 || (numeric && (length < 2 || length > 8))) {
        throw new SasFormatException(source + ": variable " + name + " has length " + length + ", which a transport "
            + "file cannot hold for a " + (numeric ? "numeric (2 to 8 bytes)" : "character") + " variable.");
      }
      columns.add(new SasColumn(name, numeric, length, format));
      offsets[i] = position;
      rowLength = Math.max(rowLength, position + length);
    }
    requireHeader(record(in, source), OBS, source);
    return new XptFile(in, source, columns, offsets, rowLength);
  }

  @Override
  public List<SasColumn> columns() {
    return columns;
  }

  @Override
  public Object[] next() throws IOException {
    while (true) {
      if (!ready.isEmpty()) {
        return values(ready.poll());
      }
      if (pendingLength >= rowLength) {
        byte[] row = Arrays.copyOf(pending, rowLength);
        System.arraycopy(pending, rowLength, pending, 0, pendingLength - rowLength);
        pendingLength -= rowLength;
        long start = rowsCut++ * rowLength;
        if (isBlank(row, rowLength)) {
          if (held.isEmpty()) {
            heldStart = start;
          }
          held.add(row);
        } else {
          ready.addAll(held);
          held.clear();
          ready.add(row);
        }
        continue;
      }
      if (ended) {
        releaseHeldBeforeLastRecord();
        if (ready.isEmpty()) {
          return null;
        }
        continue;
      }
      fill();
    }
  }

  /**
   * At the end of the observations, trailing blank rows are real rows only if they start before the last record:
   * the padding after the last row is always shorter than a record.
   */
  private void releaseHeldBeforeLastRecord() {
    long lastRecordStart = dataRead == 0 ? 0 : ((dataRead - 1) / RECORD) * RECORD;
    long start = heldStart;
    for (byte[] row : held) {
      if (start < lastRecordStart) {
        ready.add(row);
      }
      start += rowLength;
    }
    held.clear();
  }

  /** Reads the next record of observations, or marks the end (end of file, or the next member's header). */
  private void fill() throws IOException {
    byte[] record = new byte[RECORD];
    int read = in.readNBytes(record, 0, RECORD);
    if (read == 0 || (read == RECORD && text(record, 0, MEMBER.length()).equals(MEMBER))) {
      ended = true;
      return;
    }
    System.arraycopy(record, 0, pending, pendingLength, read);
    pendingLength += read;
    dataRead += read;
    if (read < RECORD) {
      ended = true;
    }
  }

  private Object[] values(byte[] row) {
    Object[] values = new Object[columns.size()];
    for (int i = 0; i < values.length; i++) {
      SasColumn column = columns.get(i);
      int at = offsets[i];
      if (column.numeric()) {
        values[i] = IbmFloat.isMissing(row, at, column.length()) ? null : IbmFloat.toDouble(row, at, column.length());
      } else {
        values[i] = decode(row, at, column.length());
      }
    }
    return values;
  }

  /** A character value: trailing blanks removed, UTF-8 if valid, else ISO-8859-1. */
  static String decode(byte[] bytes, int offset, int length) {
    int end = offset + length;
    while (end > offset && bytes[end - 1] == ' ') {
      end--;
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, offset, end - offset))
          .toString();
    } catch (CharacterCodingException notUtf8) {
      return new String(bytes, offset, end - offset, StandardCharsets.ISO_8859_1);
    }
  }

  private static boolean isBlank(byte[] row, int length) {
    for (int i = 0; i < length; i++) {
      if (row[i] != ' ') {
        return false;
      }
    }
    return true;
  }

  private static void requireHeader(byte[] record, String header, String source) {
    if (!text(record, 0, header.length()).equals(header)) {
      throw new SasFormatException(source + " is not a well-formed SAS transport file: expected the "
          + header.substring(20, 28).trim() + " header record.");
    }
  }

  private static int parseCount(String digits, String source) {
    try {
      return Integer.parseInt(digits.trim());
    } catch (NumberFormatException e) {
      throw new SasFormatException(source + " is not a well-formed SAS transport file: its variable count is not a "
          + "number.");
    }
  }

  private static int padded(int length) {
    return (length + RECORD - 1) / RECORD * RECORD;
  }

  private static byte[] record(InputStream in, String source) throws IOException {
    return readFully(in, RECORD, source);
  }

  private static byte[] readFully(InputStream in, int length, String source) throws IOException {
    byte[] bytes = in.readNBytes(length);
    if (bytes.length < length) {
      throw new EOFException(source + " ends inside its headers: it is not a complete SAS transport file.");
    }
    return bytes;
  }

  private static String text(byte[] bytes, int from, int to) {
    return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
  }

  private static int shortAt(byte[] bytes, int at) {
    return ((bytes[at] & 0xFF) << 8) | (bytes[at + 1] & 0xFF);
  }

  private static int intAt(byte[] bytes, int at) {
    return ((bytes[at] & 0xFF) << 24) | ((bytes[at + 1] & 0xFF) << 16) | ((bytes[at + 2] & 0xFF) << 8)
        | (bytes[at + 3] & 0xFF);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
