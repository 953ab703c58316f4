package io.datom.spark.testing;

import io.datom.core.internal.json.JsonArray;
import io.datom.core.internal.json.JsonBoolean;
import io.datom.core.internal.json.JsonInteger;
import io.datom.core.internal.json.JsonObject;
import io.datom.core.internal.json.JsonParser;
import io.datom.core.internal.json.JsonString;
import io.datom.core.internal.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * The R fixture's {@code expected.json}: for each version R wrote, its table, version, data_sha and rows, with values
 * encoded as in the golden README (hex floats and {@code NaN} as strings, bigints and timestamps as decimal strings,
 * timestamps in microseconds). Decoded to the values Spark returns with the Java 8 date/time API.
 */
public final class ExpectedRows {

  /** One version R wrote. */
  public record Version(String table, String version, String dataSha, List<String> columns, List<String> types,
      List<Row> rows) {}

  private final List<Version> versions;

  private ExpectedRows(List<Version> versions) {
    this.versions = versions;
  }

  /** Parses {@code expected.json}. */
  public static ExpectedRows read(Path file) {
    try {
      JsonObject root = JsonParser.parseObject(Files.readString(file), file.toString());
      List<Version> versions = new ArrayList<>();
      for (JsonValue v : array(root, "versions").elements()) {
        versions.add(version((JsonObject) v));
      }
      return new ExpectedRows(versions);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The version with this {@code metadata_sha}. */
  public Version version(String version) {
    return versions.stream().filter(v -> v.version().equals(version)).findFirst().orElseThrow();
  }

  /** Every version R wrote of {@code table}, in the order R wrote them. */
  public List<Version> versionsOf(String table) {
    return versions.stream().filter(v -> v.table().equals(table)).toList();
  }

  private static Version version(JsonObject v) {
    JsonObject rows = (JsonObject) v.get("rows").orElseThrow();
    List<String> columns = new ArrayList<>();
    List<String> types = new ArrayList<>();
    for (JsonValue field : array(rows, "schema").elements()) {
      columns.add(string((JsonObject) field, "name"));
      types.add(string((JsonObject) field, "type"));
    }
    List<Row> decoded = new ArrayList<>();
    for (JsonValue row : array(rows, "rows").elements()) {
      List<JsonValue> cells = ((JsonArray) row).elements();
      Object[] values = new Object[cells.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = decode(cells.get(i), types.get(i));
      }
      decoded.add(RowFactory.create(values));
    }
    return new Version(string(v, "table"), string(v, "version"), string(v, "data_sha"), columns, types, decoded);
  }

  private static Object decode(JsonValue cell, String type) {
    if (!(cell instanceof JsonString || cell instanceof JsonInteger || cell instanceof JsonBoolean)) {
      return null; // JSON null
    }
    return switch (type) {
      case "string" -> ((JsonString) cell).value();
      case "int" -> ((JsonInteger) cell).value();
      case "bigint" -> Long.parseLong(((JsonString) cell).value());
      case "double" -> Double.parseDouble(((JsonString) cell).value());
      case "boolean" -> ((JsonBoolean) cell).value();
      case "date" -> LocalDate.parse(((JsonString) cell).value());
      case "timestamp" -> Instant.EPOCH.plus(Long.parseLong(((JsonString) cell).value()), ChronoUnit.MICROS);
      default -> throw new IllegalArgumentException("Unexpected type " + type);
    };
  }

  private static JsonArray array(JsonObject object, String key) {
    return (JsonArray) object.get(key).orElseThrow();
  }

  private static String string(JsonObject object, String key) {
    return ((JsonString) object.get(key).orElseThrow()).value();
  }
}
