package io.datom.core.internal.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datom.core.exceptions.InvalidLineageException;
import io.datom.core.exceptions.InvalidMetadataException;
import io.datom.core.hash.ColumnHash;
import io.datom.core.internal.json.JsonArray;
import io.datom.core.internal.json.JsonBoolean;
import io.datom.core.internal.json.JsonDouble;
import io.datom.core.internal.json.JsonInteger;
import io.datom.core.internal.json.JsonNa;
import io.datom.core.internal.json.JsonNull;
import io.datom.core.internal.json.JsonObject;
import io.datom.core.internal.json.JsonParser;
import io.datom.core.internal.json.JsonString;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Metadata built in memory, as R's writer builds it, gives R's versions (format §3.1, §12.2, golden vectors). */
class TableMetadataTest {

  static final String DATA_A = "2a8ad7e17bf4b322fd9d8b82dd8c9d7b40bef7626ad835eaba11e06c6544f4f3";
  static final String DATA_B = "54b0501008641671b5b2c35364ab3d0d2377b57b5a983451af9537954e130365";
  static final String DATA_C = "a6fadc8bb83b82f782468fb1ad0fd430193fb39b672094e71d3dec97a9aa9508";
  static final String PARENT_VERSION = "abcdef0123456789".repeat(4);
  static final String ORIGINAL_FILE = "f00dbabe" + "0".repeat(56);
  static final JsonObject B_SELF_LINEAGE = JsonObject.builder()
      .put("project", "STUDY_001").put("table", "dm").put("version_sha", DATA_B).build();

  /** The volatile fields of the golden vectors' stored texts. */
  private static TableMetadata.Builder goldenBase(String dataSha, String tableType, int nrow, List<String> colnames) {
    return TableMetadata.builder()
        .dataSha(dataSha)
        .parquetSha("9".repeat(64))
        .tableType(tableType)
        .nrow(nrow)
        .colnames(colnames)
        .columnHashes(List.of(new ColumnHash("id", "1".repeat(64))))
        .createdAt("2026-01-02T03:04:05Z")
        .datomVersion("0.1.1")
        .sizeBytes(1234);
  }

  private static TableMetadata.Builder derivedPlain() {
    return goldenBase(DATA_A, TableMetadata.DERIVED, 3, List.of("id", "name", "value"));
  }

  private static ParentEntry parentB(JsonObject... lineage) {
    return new ParentEntry("STUDY_001", "dm", PARENT_VERSION, DATA_B,
        lineage.length == 0 ? null : JsonArray.list(lineage));
  }

  /** Asserts the built metadata has the golden version and the same fields as the golden stored text. */
  private static void assertMatchesGolden(String id, TableMetadata built) {
    JsonObject vector = goldenVector(id);
    TableMetadata stored = TableMetadata.parse(JsonFields.string(vector, "stored").orElseThrow(), id);
    assertEquals(JsonFields.string(vector, "metadata_sha").orElseThrow(), built.version());
    assertEquals(JsonFields.string(vector, "canonical").orElseThrow(), MetadataSha.canonicalJson(built.json()));
    assertEquals(fields(stored.json()), fields(TableMetadata.parse(built.toJson(), id).json()));
  }

  private static Map<String, String> fields(JsonObject object) {
    return object.members().stream().collect(Collectors.toMap(JsonObject.Member::key,
        m -> io.datom.core.internal.json.JsonWriter.compact(m.value())));
  }

  private static JsonObject goldenVector(String id) {
    JsonArray all = (JsonArray) JsonParser.parse(Resources.text("/golden/metadata-sha-vectors.json"), "golden");
    return all.elements().stream().map(JsonObject.class::cast)
        .filter(v -> JsonFields.string(v, "id").orElseThrow().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void derivedPlain_vectorA() {
    TableMetadata built = derivedPlain().build();
    assertEquals("a8b7dd073326effbfee5f0d38bc30f4e72cae0be5b6d51d1a8584bf0afdc76c5", built.version());
    assertMatchesGolden("derived_plain", built);
  }

  @Test
  void singleColumnWritesABareString() {
    TableMetadata built = goldenBase(DATA_A, TableMetadata.DERIVED, 3, List.of("x")).build();
    assertTrue(built.toJson().contains("\"colnames\": \"x\","));
    assertMatchesGolden("single_column", built);
  }

  @Test
  void imported_vectorB() {
    TableMetadata built = goldenBase(DATA_B, TableMetadata.IMPORTED, 2, List.of("USUBJID", "AGE"))
        .originalFileSha(ORIGINAL_FILE)
        .sourceLineage(List.of(B_SELF_LINEAGE))
        .build();
    assertEquals("5c00dd419655cc40ea2834dfde37d4f3616b4021b20a7f0348ec435c8ca46a7e", built.version());
    assertMatchesGolden("imported", built);
  }

  @Test
  void derivedWithParentsAndLineage() {
    List<ParentEntry> parents = List.of(parentB(B_SELF_LINEAGE));
    TableMetadata built = derivedPlain().parents(parents).sourceLineage(Lineage.unionOf(parents)).build();
    assertMatchesGolden("derived_parents", built);
  }

  @Test
  void parentsWithoutLineageGiveAnEmptyLineageThatIsHashed() {
    List<ParentEntry> parents = List.of(parentB());
    TableMetadata built = derivedPlain().parents(parents).sourceLineage(Lineage.unionOf(parents)).build();
    assertTrue(built.toJson().contains("\"source_lineage\": []"));
    assertMatchesGolden("derived_parents_empty_lineage", built);
  }

  @Test
  void customMixed() {
    JsonObject custom = JsonObject.builder()
        .put("description", "Lab results, cut 2026-06")
        .put("tags", JsonArray.list(JsonString.of("Efficacy"), JsonString.of("SDTM")))
        .put("score", 0.123456)
        .put("flag", true)
        .put("k", 1)
        .put("one_tag", "x")
        .put("nested", JsonObject.builder()
            .put("z", 1)
            .put("a", JsonArray.list(JsonDouble.of(1.5), JsonDouble.of(2.25), JsonDouble.of(3.33333)))
            .build())
        .put("ratio", 2.00005)
        .put("neg", -12.34565)
        .build();
    assertMatchesGolden("custom_mixed", derivedPlain().custom(custom).build());
  }

  @Test
  void customEscapes() {
    JsonObject custom = JsonObject.builder()
        .put("note", "He said \"hi\"\\ path C:\\x </script> tab\t nl\n cr\r bell\u0007 é日😀")
        .put("été", "sommer")
        .build();
    TableMetadata built = derivedPlain().custom(custom).build();
    assertTrue(built.toJson().contains("<\\/script> tab\\t nl\\n cr\\r bell\\u0007 é日😀"));
    assertMatchesGolden("custom_escapes", built);
  }

  @Test
  void numbersEdgeWithoutTheNegativeZero() {
    JsonObject custom = JsonObject.builder()
        .put("big", 3e9).put("half", 0.5).put("tiny", 0.00011).put("x10", 10.0).put("round_up", 0.99995).build();
    TableMetadata built = derivedPlain().custom(custom).build();
    assertTrue(MetadataSha.canonicalJson(built.json())
        .contains("\"custom\":{\"big\":3000000000,\"half\":0.5,\"tiny\":0.0001,\"x10\":10,\"round_up\":1}"));
  }

  @Test
  void emptyContainers() {
    JsonObject custom = JsonObject.builder().put("obj", JsonObject.empty()).put("arr", JsonArray.list()).build();
    assertMatchesGolden("empty_containers", derivedPlain().custom(custom).build());
  }

  /** §12.2 C: one column, one parent with lineage, and custom metadata built the way an R user writes it. */
  private static TableMetadata.Builder vectorC() {
    return TableMetadata.builder()
        .dataSha(DATA_C)
        .tableType(TableMetadata.DERIVED)
        .nrow(1)
        .colnames(List.of("n"))
        .columnHashes(List.of(new ColumnHash("n", "0".repeat(64))))
        .createdAt("2026-01-02T03:04:05Z")
        .datomVersion("0.1.1")
        .sizeBytes(500);
  }

  @Test
  void vectorC_customWithParentAndLineage() {
    List<ParentEntry> parents = List.of(parentB(B_SELF_LINEAGE));
    JsonObject custom = JsonObject.builder()
        .put("description", "Count")
        .put("tags", JsonArray.strings(List.of("Efficacy", "SDTM")))
        .put("score", 0.123456)
        .put("flag", JsonBoolean.TRUE)
        .put("k", JsonInteger.of(1))
        .put("one_tag", JsonArray.strings(List.of("x")))
        .build();
    TableMetadata built = vectorC().parents(parents).sourceLineage(Lineage.unionOf(parents)).custom(custom).build();
    assertEquals("3825b588d4f2b9a74ba7336da7e82c724ffcced58ebd1121734e5a7398448585", built.version());
    assertEquals("{\"colnames\":\"n\",\"custom\":{\"description\":\"Count\",\"tags\":[\"Efficacy\",\"SDTM\"],"
        + "\"score\":0.1235,\"flag\":true,\"k\":1,\"one_tag\":\"x\"},\"data_sha\":\"" + DATA_C + "\","
        + "\"hash_algo\":\"datom-cv1\",\"ncol\":1,\"nrow\":1,\"parents\":[{\"source\":\"STUDY_001\",\"table\":\"dm\","
        + "\"version\":\"" + PARENT_VERSION + "\",\"data_sha\":\"" + DATA_B + "\"}],\"source_lineage\":[{\"project\":"
        + "\"STUDY_001\",\"table\":\"dm\",\"version_sha\":\"" + DATA_B + "\"}],\"table_type\":\"derived\"}",
        MetadataSha.canonicalJson(built.json()));
    assertEquals(built.version(), TableMetadata.parse(built.toJson(), "C").version());
  }

  @Test
  void vectorD_parentsWithoutLineageAndNoCustom() {
    List<ParentEntry> parents = List.of(parentB());
    TableMetadata built = vectorC().parents(parents).sourceLineage(Lineage.unionOf(parents)).build();
    assertEquals("2c434c4eda968e827f9caed51b28206c0f9c7c3a1a02b858e9466a7223f06da8", built.version());
  }

  @Test
  void writesFieldsInRsOrderAndOmitsAbsentOnes() {
    TableMetadata built = vectorC().parquetSha("p".repeat(64)).originalFileSha("o").custom(JsonObject.empty())
        .parents(List.of()).sourceLineage(List.of()).tableType(TableMetadata.IMPORTED).build();
    assertEquals(List.of("data_sha", "hash_algo", "parquet_sha", "table_type", "nrow", "ncol", "colnames",
        "column_hashes", "created_at", "datom_version", "original_file_sha", "parents", "source_lineage",
        "size_bytes", "custom"), built.json().keys());
    assertEquals(List.of("data_sha", "hash_algo", "table_type", "nrow", "ncol", "colnames", "column_hashes",
        "created_at", "datom_version"), TableMetadata.builder().dataSha("d").tableType("derived").nrow(1)
        .colnames(List.of("a")).columnHashes(List.of()).createdAt("t").datomVersion("v").build().json().keys());
  }

  @Test
  void parquetShaGoesWhereRReservesItAndNullRemovesIt() {
    TableMetadata withoutSha = vectorC().build();
    TableMetadata withSha = withoutSha.withParquetSha("abc");
    assertEquals(List.of("data_sha", "hash_algo", "parquet_sha", "table_type"), withSha.json().keys().subList(0, 4));
    assertEquals(withoutSha.version(), withSha.version());
    assertEquals("def", withSha.withParquetSha("def").parquetSha().orElseThrow());
    assertEquals(2, withSha.withParquetSha("def").json().keys().indexOf("parquet_sha"));
    assertEquals(withoutSha.json(), withSha.withParquetSha(null).json());
  }

  @Test
  void refusesNullsAndNasInCustom() {
    JsonObject nested = JsonObject.builder().put("a", JsonArray.list(JsonString.of("x"), JsonNull.NULL)).build();
    InvalidMetadataException e = assertThrows(InvalidMetadataException.class,
        () -> vectorC().custom(JsonObject.builder().put("n", nested).build()).build());
    assertEquals("custom.n.a[2]", e.field());
    assertThrows(InvalidMetadataException.class,
        () -> vectorC().custom(JsonObject.builder().put("n", JsonNa.CHARACTER).build()).build());
  }

  @Test
  void refusesCustomValuesThatRReadsBackDifferently() {
    InvalidMetadataException e = assertThrows(InvalidMetadataException.class,
        () -> vectorC().custom(JsonObject.builder().put("ok", 1.5).put("neg0", -0.0).build()).build());
    assertEquals("custom.neg0", e.field());
    assertTrue(e.getMessage().contains("written as -0 but R reads it back as 0"), e.getMessage());
    assertThrows(InvalidMetadataException.class,
        () -> vectorC().custom(JsonObject.builder().put("tiny", -0.00002).build()).build());
  }

  @Test
  void refusesUnknownTableTypeWithRsMessage() {
    InvalidMetadataException e = assertThrows(InvalidMetadataException.class,
        () -> vectorC().tableType("view").build());
    assertEquals("`table_type` must be \"imported\" or \"derived\".", e.getMessage());
  }

  @Test
  void validatesParents() {
    ParentEntry noDataSha = new ParentEntry("STUDY_001", "dm", PARENT_VERSION, null);
    assertThrows(InvalidLineageException.class, () -> vectorC().parents(List.of(noDataSha)).build());
  }

  @Test
  void rowCountsBeyondRsIntegerRangeAreWrittenAsDoubles() {
    TableMetadata built = vectorC().nrow(3_000_000_000L).build();
    assertEquals(JsonDouble.of(3e9), built.json().get("nrow").orElseThrow());
    assertEquals(3_000_000_000L, built.nrow().orElseThrow());
  }

  @Test
  void readsFieldsOfAStoredFile() {
    String stored = JsonFields.string(goldenVector("derived_parents"), "stored").orElseThrow();
    TableMetadata metadata = TableMetadata.parse(stored, "derived_parents");
    assertEquals(DATA_A, metadata.dataSha().orElseThrow());
    assertEquals("datom-cv1", metadata.hashAlgo().orElseThrow());
    assertEquals("9".repeat(64), metadata.parquetSha().orElseThrow());
    assertEquals(TableMetadata.DERIVED, metadata.tableType().orElseThrow());
    assertEquals(3, metadata.nrow().orElseThrow());
    assertEquals(3, metadata.ncol().orElseThrow());
    assertEquals(List.of("id", "name", "value"), metadata.colnames());
    assertEquals(List.of(new ColumnHash("id", "1".repeat(64))), metadata.columnHashes());
    assertEquals("2026-01-02T03:04:05Z", metadata.createdAt().orElseThrow());
    assertEquals("0.1.1", metadata.datomVersion().orElseThrow());
    assertEquals(1234.0, metadata.sizeBytes().orElseThrow());
    assertEquals(List.of(new ParentEntry("STUDY_001", "dm", PARENT_VERSION, DATA_B)), metadata.parents().orElseThrow());
    assertEquals(List.of(B_SELF_LINEAGE), metadata.sourceLineage().orElseThrow());
    assertTrue(metadata.custom().isEmpty());
    assertTrue(metadata.originalFileSha().isEmpty());
  }

  @Test
  void parsedColnamesAreWrittenInlineAgainButAOneElementArrayStaysAnArray() {
    TableMetadata two = TableMetadata.parse("{\"colnames\":[\"a\",\"b\"]}", "x");
    assertTrue(two.toJson().contains("\"colnames\": [\"a\", \"b\"]"));
    TableMetadata one = TableMetadata.parse("{\"colnames\":[\"a\"]}", "x");
    assertEquals("{\n  \"colnames\": [\n    \"a\"\n  ]\n}", one.toJson());
    assertEquals(List.of("a"), one.colnames());
  }

  @Test
  void keepsUnknownTopLevelFieldsBecauseTheyArePartOfTheVersion() {
    TableMetadata metadata = TableMetadata.parse("{\"data_sha\":\"d\",\"extra\":{\"z\":1}}", "x");
    assertEquals(List.of("data_sha", "extra"), metadata.json().keys());
    assertEquals(MetadataSha.of(JsonParser.parseObject("{\"data_sha\":\"d\",\"extra\":{\"z\":1}}", "x")),
        metadata.version());
  }

  @Test
  void gitFileEndsWithOneNewline() {
    TableMetadata built = vectorC().build();
    assertEquals(built.toJson() + "\n", built.toGitFile());
  }
}
