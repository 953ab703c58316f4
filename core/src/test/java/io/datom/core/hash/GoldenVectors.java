package io.datom.core.hash;

import io.datom.core.internal.json.JsonArray;
import io.datom.core.internal.json.JsonBoolean;
import io.datom.core.internal.json.JsonInteger;
import io.datom.core.internal.json.JsonNull;
import io.datom.core.internal.json.JsonObject;
import io.datom.core.internal.json.JsonParser;
import io.datom.core.internal.json.JsonString;
import io.datom.core.internal.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The cv1 golden vectors ({@code golden/cv1-vectors.json}, computed by the R package), with each row's values read
 * into the Java types {@link TableHash#ofRows} takes, as the golden README describes.
 */
final class GoldenVectors {

  /** One golden table and the hashes R computed for it. */
  record Vector(String id, String note, List<ColumnSpec> columns, List<List<Object>> rows,
      List<ColumnHash> columnHashes, String dataSha) {
    @Override
    public String toString() {
      return id;
    }
  }

  private GoldenVectors() {}

  static List<Vector> load() {
    JsonArray entries = (JsonArray) JsonParser.parse(resource("/golden/cv1-vectors.json"), "cv1-vectors.json");
    List<Vector> vectors = new ArrayList<>();
    for (JsonValue entry : entries.elements()) {
      vectors.add(vector((JsonObject) entry));
    }
    return vectors;
  }

  static Vector byId(String id) {
    return load().stream().filter(v -> v.id().equals(id)).findFirst().orElseThrow();
  }

  private static Vector vector(JsonObject json) {
    List<ColumnSpec> columns = new ArrayList<>();
    for (JsonValue column : array(json, "schema")) {
      columns.add(ColumnSpec.of(string(column, "name"), string(column, "type")));
    }
    List<List<Object>> rows = new ArrayList<>();
    for (JsonValue row : array(json, "rows")) {
      List<JsonValue> cells = ((JsonArray) row).elements();
      List<Object> values = new ArrayList<>();
      for (int i = 0; i < cells.size(); i++) {
        values.add(javaValue(columns.get(i).type(), cells.get(i)));
      }
      rows.add(values);
    }
    List<ColumnHash> columnHashes = new ArrayList<>();
    for (JsonValue hash : array(json, "column_hashes")) {
      columnHashes.add(new ColumnHash(string(hash, "name"), string(hash, "sha")));
    }
    return new Vector(string(json, "id"), string(json, "note"), columns, rows, columnHashes,
        string(json, "data_sha"));
  }

  /** A JSON cell as the Java value of its column type (golden README, "Values are encoded exactly"). */
  static Object javaValue(ColumnType type, JsonValue cell) {
    if (cell instanceof JsonNull) {
      return null;
    }
    return switch (type.kind()) {
      case BOOLEAN -> ((JsonBoolean) cell).value();
      case BYTE -> (byte) ((JsonInteger) cell).value();
      case SHORT -> (short) ((JsonInteger) cell).value();
      case INT -> ((JsonInteger) cell).value();
      case LONG -> Long.parseLong(text(cell));
      case FLOAT -> Float.parseFloat(text(cell));
      case DOUBLE -> Double.parseDouble(text(cell));
      case DECIMAL -> new BigDecimal(text(cell));
      case STRING -> text(cell);
      case DATE -> LocalDate.parse(text(cell));
      case TIMESTAMP -> Instant.EPOCH.plus(Long.parseLong(text(cell)), ChronoUnit.MICROS);
      case TIMESTAMP_NTZ -> LocalDateTime.ofInstant(
          Instant.EPOCH.plus(Long.parseLong(text(cell)), ChronoUnit.MICROS), ZoneOffset.UTC);
      case UNSUPPORTED -> throw new IllegalArgumentException("No golden values of type " + type);
    };
  }

  private static List<JsonValue> array(JsonObject json, String key) {
    return ((JsonArray) json.get(key).orElseThrow()).elements();
  }

  private static String string(JsonValue object, String key) {
    return text(((JsonObject) object).get(key).orElseThrow());
  }

  private static String text(JsonValue value) {
    return ((JsonString) value).value();
  }

  private static String resource(String path) {
    try (InputStream in = GoldenVectors.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("Missing test resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
