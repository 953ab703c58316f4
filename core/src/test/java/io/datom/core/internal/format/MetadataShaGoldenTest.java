package io.datom.core.internal.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.datom.core.hash.Sha256;
import io.datom.core.internal.json.JsonArray;
import io.datom.core.internal.json.JsonObject;
import io.datom.core.internal.json.JsonParser;
import io.datom.core.internal.json.JsonValue;
import io.datom.core.internal.json.JsonWriter;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every vector of {@code golden/metadata-sha-vectors.json}, computed by the R package's own code. */
class MetadataShaGoldenTest {

  /**
   * Vectors whose stored text is not what jsonlite would write: unrounded numbers such as 0.123456, or an unescaped
   * {@code </}.
   */
  private static final Set<String> NOT_JSONLITE_BYTES = Set.of("custom_mixed", "numbers_edge", "custom_escapes");

  /** The vector whose double -0.0 jsonlite writes as "-0", which R then reads back as the integer 0. */
  private static final String NEGATIVE_ZERO = "numbers_edge";

  record Vector(String id, String stored, String canonical, String metadataSha) {
    @Override
    public String toString() {
      return id;
    }
  }

  static Stream<Vector> vectors() {
    JsonArray all = (JsonArray) JsonParser.parse(Resources.text("/golden/metadata-sha-vectors.json"), "golden");
    return all.elements().stream().map(JsonObject.class::cast).map(v -> new Vector(
        JsonFields.string(v, "id").orElseThrow(),
        JsonFields.string(v, "stored").orElseThrow(),
        JsonFields.string(v, "canonical").orElseThrow(),
        JsonFields.string(v, "metadata_sha").orElseThrow()));
  }

  @Test
  void hasAllElevenVectors() {
    assertEquals(11, vectors().count());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void parsedStoredTextHasRsCanonicalFormAndSha(Vector vector) {
    JsonObject parsed = JsonParser.parseObject(vector.stored(), vector.id());
    assertEquals(vector.canonical(), MetadataSha.canonicalJson(parsed));
    assertEquals(vector.metadataSha(), MetadataSha.of(parsed));
    assertEquals(vector.metadataSha(), TableMetadata.parse(vector.stored(), vector.id()).version());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void rewritingAParsedTreeReproducesTheStoredText(Vector vector) {
    JsonValue tree = JsonParser.parse(vector.stored(), vector.id());
    String rewritten = JsonWriter.pretty(tree);
    if (NOT_JSONLITE_BYTES.contains(vector.id())) {
      assertNotEquals(vector.stored(), rewritten);
    } else {
      assertEquals(vector.stored(), rewritten);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void modelRewriteKeepsTheVersion(Vector vector) {
    if (vector.id().equals(NEGATIVE_ZERO)) {
      return; // see negativeZeroChangesTheVersionAfterARoundTripAsInR
    }
    TableMetadata metadata = TableMetadata.parse(vector.stored(), vector.id());
    TableMetadata reread = TableMetadata.parse(metadata.toJson(), vector.id());
    assertEquals(vector.metadataSha(), reread.version());
    assertEquals(metadata.toJson(), reread.toJson());
  }

  @Test
  void negativeZeroChangesTheVersionAfterARoundTripAsInR() {
    Vector vector = vectors().filter(v -> v.id().equals(NEGATIVE_ZERO)).findFirst().orElseThrow();
    TableMetadata rewritten = TableMetadata.parse(TableMetadata.parse(vector.stored(), "v").toJson(), "v");
    assertEquals(vector.canonical().replace("\"neg0\":-0", "\"neg0\":0"),
        MetadataSha.canonicalJson(rewritten.json()));
    assertNotEquals(vector.metadataSha(), rewritten.version());
  }

  @Test
  void keyOrderSortsTopLevelKeysByUtf8BytesAndKeepsNestedOrder() {
    Vector vector = vectors().filter(v -> v.id().equals("key_order")).findFirst().orElseThrow();
    String canonical = MetadataSha.canonicalJson(JsonParser.parseObject(vector.stored(), "key_order"));
    assertEquals(List.of("Zeta", "_under", "alpha", "colnames", "custom", "data_sha", "hash_algo", "ncol", "nrow",
        "table_type"), MetadataSha.semanticFields(JsonParser.parseObject(vector.stored(), "key_order")).keys());
    assertEquals(true, canonical.contains("\"custom\":{\"b\":1,\"a\":2}"));
  }

  @Test
  void sortsNonAsciiKeysByUtf8BytesNotUtf16Units() {
    // U+FF5E (UTF-8 EF BD 9E) sorts before U+10000 (F0 90 80 80) in UTF-8, after it in UTF-16 (FF5E > D800).
    JsonObject metadata = JsonObject.builder().put("\uD800\uDC00", 1).put("\uFF5E", 2).build();
    assertEquals(List.of("\uFF5E", "\uD800\uDC00"), MetadataSha.semanticFields(metadata).keys());
  }

  @Test
  void keepsTheFirstOfDuplicatedTopLevelKeys() {
    JsonObject metadata = JsonParser.parseObject("{\"b\":1,\"a\":2,\"b\":3}", "dup");
    assertEquals("{\"a\":2,\"b\":1}", MetadataSha.canonicalJson(metadata));
  }

  @Test
  void upstreamGolden() {
    JsonObject metadata = JsonObject.builder()
        .put("data_sha", "abc123")
        .put("name", "mytable")
        .put("nrow", 100)
        .put("ncol", 5)
        .put("table_type", "imported")
        .put("hash_algo", "datom-cv1")
        .build();
    assertEquals("{\"data_sha\":\"abc123\",\"hash_algo\":\"datom-cv1\",\"name\":\"mytable\",\"ncol\":5,\"nrow\":100,"
        + "\"table_type\":\"imported\"}", MetadataSha.canonicalJson(metadata));
    assertEquals("59f1f1d936c5d65472733a924493ce2362255d442ebea6d41f7c3c9e7069d326", MetadataSha.of(metadata));
  }

  @Test
  void nistSha256() {
    assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Sha256.hex("abc"));
  }
}
