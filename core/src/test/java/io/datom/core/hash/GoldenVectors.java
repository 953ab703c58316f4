package io.datom.core.hash;

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
import java.util.Map;

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
    List<Vector> vectors = new ArrayList<>();
    for (Object entry : (List<?>) MiniJson.parse(resource("/golden/cv1-vectors.json"))) {
      vectors.add(vector((Map<?, ?>) entry));
    }
    return vectors;
  }

  static Vector byId(String id) {
    return load().stream().filter(v -> v.id().equals(id)).findFirst().orElseThrow();
  }

  private static Vector vector(Map<?, ?> json) {
    List<ColumnSpec> columns = new ArrayList<>();
    for (Object column : (List<?>) json.get("schema")) {
      Map<?, ?> c = (Map<?, ?>) column;
      columns.add(ColumnSpec.of((String) c.get("name"), (String) c.get("type")));
    }
    List<List<Object>> rows = new ArrayList<>();
    for (Object row : (List<?>) json.get("rows")) {
      List<Object> values = new ArrayList<>();
      List<?> cells = (List<?>) row;
      for (int i = 0; i < cells.size(); i++) {
        values.add(javaValue(columns.get(i).type(), cells.get(i)));
      }
      rows.add(values);
    }
    List<ColumnHash> columnHashes = new ArrayList<>();
    for (Object hash : (List<?>) json.get("column_hashes")) {
      Map<?, ?> h = (Map<?, ?>) hash;
      columnHashes.add(new ColumnHash((String) h.get("name"), (String) h.get("sha")));
    }
    return new Vector((String) json.get("id"), (String) json.get("note"), columns, rows, columnHashes,
        (String) json.get("data_sha"));
  }

  /** A JSON cell as the Java value of its column type (golden README, "Values are encoded exactly"). */
  static Object javaValue(ColumnType type, Object cell) {
    if (cell == null) {
      return null;
    }
    return switch (type.kind()) {
      case BOOLEAN -> (Boolean) cell;
      case BYTE -> ((BigDecimal) cell).byteValueExact();
      case SHORT -> ((BigDecimal) cell).shortValueExact();
      case INT -> ((BigDecimal) cell).intValueExact();
      case LONG -> Long.parseLong((String) cell);
      case FLOAT -> Float.parseFloat((String) cell);
      case DOUBLE -> Double.parseDouble((String) cell);
      case DECIMAL -> new BigDecimal((String) cell);
      case STRING -> (String) cell;
      case DATE -> LocalDate.parse((String) cell);
      case TIMESTAMP -> Instant.EPOCH.plus(Long.parseLong((String) cell), ChronoUnit.MICROS);
      case TIMESTAMP_NTZ -> LocalDateTime.ofInstant(
          Instant.EPOCH.plus(Long.parseLong((String) cell), ChronoUnit.MICROS), ZoneOffset.UTC);
      case UNSUPPORTED -> throw new IllegalArgumentException("No golden values of type " + type);
    };
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
