package io.datom.spark.landing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A minimal SAS transport (XPORT v5) writer for tests: one member, numeric variables of 8 bytes, character variables
 * of a given length, observations packed and the last record padded with blanks, as SAS writes them.
 */
public final class XptWriter {

  /** A variable: name, numeric or not, length, format. */
  public record Var(String name, boolean numeric, int length, String format) {}

  private XptWriter() {}

  public static byte[] write(String member, List<Var> vars, List<Object[]> rows) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    record(out, "HEADER RECORD*******LIBRARY HEADER RECORD!!!!!!!000000000000000000000000000000  ");
    record(out, pad("SAS     SAS     SASLIB  9.4     X64_10PR", 64) + "01JAN26:00:00:00");
    record(out, "01JAN26:00:00:00");
    record(out, "HEADER RECORD*******MEMBER  HEADER RECORD!!!!!!!000000000000000001600000000140  ");
    record(out, "HEADER RECORD*******DSCRPTR HEADER RECORD!!!!!!!000000000000000000000000000000  ");
    record(out, pad("SAS     " + pad(member, 8) + "SASDATA 9.4     X64_10PR", 64) + "01JAN26:00:00:00");
    record(out, "01JAN26:00:00:00");
    record(out, "HEADER RECORD*******NAMESTR HEADER RECORD!!!!!!!000000" + String.format("%04d", vars.size())
        + "00000000000000000000  ");
    ByteArrayOutputStream namestrs = new ByteArrayOutputStream();
    int position = 0;
    for (int i = 0; i < vars.size(); i++) {
      Var v = vars.get(i);
      byte[] n = new byte[140];
      putShort(n, 0, v.numeric() ? 1 : 2);
      putShort(n, 4, v.length());
      putShort(n, 6, i + 1);
      put(n, 8, pad(v.name(), 8));
      put(n, 16, pad("", 40));
      put(n, 56, pad(v.format(), 8));
      put(n, 72, pad("", 8));
      putInt(n, 84, position);
      namestrs.writeBytes(n);
      position += v.length();
    }
    padTo80(out, namestrs.toByteArray(), (byte) ' ');
    record(out, "HEADER RECORD*******OBS     HEADER RECORD!!!!!!!000000000000000000000000000000  ");
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    for (Object[] row : rows) {
      for (int i = 0; i < vars.size(); i++) {
        Var v = vars.get(i);
        if (v.numeric()) {
          long bits = row[i] == null ? 0x2E00_0000_0000_0000L : IbmFloat.fromDouble((Double) row[i]);
          for (int b = 7; b >= 0; b--) {
            data.write((int) (bits >>> (8 * b)) & 0xFF);
          }
        } else {
          byte[] text = ((String) row[i]).getBytes(StandardCharsets.UTF_8);
          byte[] field = new byte[v.length()];
          Arrays.fill(field, (byte) ' ');
          System.arraycopy(text, 0, field, 0, text.length);
          data.writeBytes(field);
        }
      }
    }
    padTo80(out, data.toByteArray(), (byte) ' ');
    return out.toByteArray();
  }

  private static void padTo80(ByteArrayOutputStream out, byte[] bytes, byte fill) {
    out.writeBytes(bytes);
    int rest = (80 - bytes.length % 80) % 80;
    for (int i = 0; i < rest; i++) {
      out.write(fill);
    }
  }

  private static void record(ByteArrayOutputStream out, String text) {
    out.writeBytes(pad(text, 80).getBytes(StandardCharsets.ISO_8859_1));
  }

  private static String pad(String text, int length) {
    return (text + " ".repeat(length)).substring(0, length);
  }

  private static void put(byte[] target, int at, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
    System.arraycopy(bytes, 0, target, at, bytes.length);
  }

  private static void putShort(byte[] target, int at, int value) {
    target[at] = (byte) (value >>> 8);
    target[at + 1] = (byte) value;
  }

  private static void putInt(byte[] target, int at, int value) {
    target[at] = (byte) (value >>> 24);
    target[at + 1] = (byte) (value >>> 16);
    target[at + 2] = (byte) (value >>> 8);
    target[at + 3] = (byte) value;
  }
}
