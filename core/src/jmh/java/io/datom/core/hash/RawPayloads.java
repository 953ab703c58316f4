package io.datom.core.hash;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The exact bytes cv1 feeds SHA-256 for each column of a {@link LabTable} (tag, name, 0x00, payload), encoded here
 * independently and held as 64 KiB chunks: the input of the raw SHA-256 baseline.
 */
final class RawPayloads {
  private static final int CHUNK = 64 * 1024;
  private static final long NA_REAL = 0x7FF00000000007A2L;
  private static final long CANONICAL_NAN = 0x7FF8000000000000L;

  private final List<byte[]> chunks = new ArrayList<>();
  private final ByteBuffer current = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);

  private RawPayloads(String tag, String name) {
    put(tag.getBytes(StandardCharsets.US_ASCII), 0, tag.length());
    byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
    put(utf8, 0, utf8.length);
    putByte(0);
  }

  /** One list of chunks per column of {@link LabTable#COLUMNS}, in order. */
  static List<List<byte[]>> of(LabTable t) {
    return List.of(
        strings("USUBJID", t.usubjid), strings("LBTESTCD", t.lbtestcd), strings("LBORRES", t.lborres),
        doubles("num", "AVAL", t.rows, r -> t.aval[r], t.avalNull),
        doubles("num", "AVISITN", t.rows, r -> t.avisitn[r], t.avisitnNull),
        doubles("date", "ADT", t.rows, r -> t.adt[r], t.adtNull),
        doubles("time", "ADTM", t.rows, r -> t.adtm[r] / 1_000_000.0, t.adtmNull),
        doubles("num", "ANL01FL", t.rows, r -> t.anl01fl[r] ? 1.0 : 0.0, t.anl01flNull));
  }

  private interface RowDouble {
    double at(int row);
  }

  private static List<byte[]> doubles(String tag, String name, int rows, RowDouble value, boolean[] nulls) {
    RawPayloads out = new RawPayloads(tag, name);
    for (int r = 0; r < rows; r++) {
      double v = value.at(r);
      out.putLong(nulls[r] ? NA_REAL : Double.isNaN(v) ? CANONICAL_NAN : v == 0.0 ? 0L : Double.doubleToLongBits(v));
    }
    return out.finish();
  }

  private static List<byte[]> strings(String name, LabTable.Strings column) {
    RawPayloads out = new RawPayloads("chr", name);
    int rows = column.offsets().length - 1;
    for (int r = 0; r < rows; r++) {
      out.putByte(column.nulls()[r] ? 1 : 0);
    }
    for (int r = 0; r < rows; r++) {
      out.put(column.bytes(), column.offsets()[r], column.offsets()[r + 1] - column.offsets()[r]);
      out.putByte(0);
    }
    return out.finish();
  }

  private void putLong(long value) {
    if (current.remaining() < Long.BYTES) {
      for (int i = 0; i < Long.BYTES; i++) {
        putByte((int) (value >>> (8 * i)));
      }
      return;
    }
    current.putLong(value);
  }

  private void putByte(int value) {
    if (!current.hasRemaining()) {
      spill();
    }
    current.put((byte) value);
  }

  private void put(byte[] source, int offset, int length) {
    for (int i = 0; i < length; i++) {
      putByte(source[offset + i]);
    }
  }

  private void spill() {
    byte[] chunk = new byte[current.position()];
    current.flip().get(chunk);
    chunks.add(chunk);
    current.clear();
  }

  private List<byte[]> finish() {
    spill();
    return chunks;
  }
}
