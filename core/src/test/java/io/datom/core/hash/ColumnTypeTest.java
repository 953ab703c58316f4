package io.datom.core.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datom.core.hash.ColumnType.Kind;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ColumnTypeTest {

  @ParameterizedTest
  @CsvSource({
      "boolean, BOOLEAN, boolean",
      "tinyint, BYTE, tinyint", "byte, BYTE, tinyint",
      "smallint, SHORT, smallint", "short, SHORT, smallint",
      "int, INT, int", "integer, INT, int", "INT, INT, int",
      "bigint, LONG, bigint", "long, LONG, bigint",
      "float, FLOAT, float", "real, FLOAT, float",
      "double, DOUBLE, double",
      "string, STRING, string", "varchar(20), STRING, string", "char(3), STRING, string",
      "date, DATE, date",
      "timestamp, TIMESTAMP, timestamp", "timestamp_ltz, TIMESTAMP, timestamp",
      "timestamp_ntz, TIMESTAMP_NTZ, timestamp_ntz"})
  void parsesSparkSqlNames(String name, Kind kind, String typeName) {
    ColumnType type = ColumnType.parse(name);

    assertEquals(kind, type.kind());
    assertEquals(typeName, type.typeName());
    assertTrue(type.isHashable());
    assertEquals(Optional.empty(), type.recourse());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "decimal(12,3) | 12 | 3", "decimal(38, 18) | 38 | 18", "DECIMAL(5) | 5 | 0", "decimal | 10 | 0",
      "numeric(7,2) | 7 | 2", "dec(4,4) | 4 | 4"})
  void parsesDecimals(String name, int precision, int scale) {
    ColumnType type = ColumnType.parse(name);

    assertEquals(ColumnType.decimal(precision, scale), type);
    assertEquals(Kind.DECIMAL, type.kind());
    assertEquals(precision, type.precision());
    assertEquals(scale, type.scale());
    assertEquals("decimal(" + precision + "," + scale + ")", type.typeName());
  }

  @Test
  void rejectsImpossibleDecimals() {
    assertThrows(IllegalArgumentException.class, () -> ColumnType.parse("decimal(39,2)"));
    assertThrows(IllegalArgumentException.class, () -> ColumnType.decimal(5, 6));
    assertThrows(IllegalArgumentException.class, () -> ColumnType.decimal(0, 0));
  }

  @Test
  void unknownAndRefusedNamesAreUnsupportedTypesNotErrors() {
    ColumnType binary = ColumnType.parse("binary");
    ColumnType nested = ColumnType.parse("array<struct<a:int>>");

    assertEquals(Kind.UNSUPPORTED, binary.kind());
    assertFalse(binary.isHashable());
    assertEquals("binary", binary.typeName());
    assertTrue(binary.recourse().orElseThrow().contains("base64"));
    assertEquals("array<struct<a:int>>", nested.typeName());
    assertTrue(nested.recourse().orElseThrow().contains("to_json"));
  }

  @Test
  void engineTypesOutsideSparkCarryTheirOwnRecourse() {
    ColumnType geometry = ColumnType.unsupported("geometry", "Convert to WKT text before writing.");

    assertEquals(Kind.UNSUPPORTED, geometry.kind());
    assertEquals("geometry", geometry.toString());
    assertEquals(Optional.of("Convert to WKT text before writing."), geometry.recourse());
  }

  @Test
  void equalityIsByValue() {
    assertEquals(ColumnType.decimal(12, 3), ColumnType.parse("decimal(12,3)"));
    assertEquals(ColumnType.decimal(12, 3).hashCode(), ColumnType.parse("decimal(12,3)").hashCode());
    assertNotEquals(ColumnType.decimal(12, 3), ColumnType.decimal(12, 2));
    assertNotEquals(ColumnType.TIMESTAMP, ColumnType.TIMESTAMP_NTZ);
  }

  @Test
  void cv1TagsHaveRsLabels() {
    assertEquals("num chr date time drtn i64", String.join(" ",
        Arrays.stream(Cv1Tag.values()).map(Cv1Tag::label).toList()));
  }
}
