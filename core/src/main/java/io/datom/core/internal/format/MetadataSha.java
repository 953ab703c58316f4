package io.datom.core.internal.format;

import io.datom.core.hash.Sha256;
import io.datom.core.internal.json.JsonObject;
import io.datom.core.internal.json.JsonWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code metadata_sha}, the version of a table (format §4.1): drop the volatile top-level fields, sort the remaining
 * top-level keys by unsigned UTF-8 byte order, write the result as jsonlite's compact JSON and take its sha256 hex.
 * Nested objects keep their order.
 *
 * <p>It gives R's result both for metadata built in memory and for metadata parsed from a stored file, because the
 * JSON tree carries R's typing.
 */
public final class MetadataSha {

  /** Top-level fields that do not define content identity. */
  public static final List<String> VOLATILE_FIELDS =
      List.of("created_at", "datom_version", "parquet_sha", "column_hashes", "size_bytes");

  /** C-locale (radix) order: unsigned comparison of UTF-8 bytes, not Java's UTF-16 order. */
  static final Comparator<String> UTF8_BYTE_ORDER = (a, b) -> Arrays.compareUnsigned(
      a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

  private MetadataSha() {}

  /**
   * The fields that are hashed, in hash order. Like R's {@code metadata[setdiff(names(metadata), volatile)]}, a
   * duplicated top-level key contributes its first occurrence only.
   */
  public static JsonObject semanticFields(JsonObject metadata) {
    Map<String, JsonObject.Member> firstByKey = new LinkedHashMap<>();
    for (JsonObject.Member member : metadata.members()) {
      if (!VOLATILE_FIELDS.contains(member.key())) {
        firstByKey.putIfAbsent(member.key(), member);
      }
    }
    return JsonObject.of(firstByKey.values().stream()
        .sorted(Comparator.comparing(JsonObject.Member::key, UTF8_BYTE_ORDER))
        .toList());
  }

  /** The canonical string that is hashed, e.g. {@code {"data_sha":"abc123","hash_algo":"datom-cv1",...}}. */
  public static String canonicalJson(JsonObject metadata) {
    return JsonWriter.compact(semanticFields(metadata));
  }

  /** The {@code metadata_sha} of a metadata object. */
  public static String of(JsonObject metadata) {
    return Sha256.hex(canonicalJson(metadata));
  }
}
