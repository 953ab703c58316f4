package io.datom.core.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datom.core.exceptions.UnhashableColumnsException;
import io.datom.core.exceptions.UnhashableColumnsException.Offender;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TableHasherTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "binary                        | base64",
      "array<int>                    | to_json",
      "map<string,int>               | to_json",
      "struct<a:int,b:string>        | to_json",
      "interval day to second        | Interval columns are not hashable",
      "interval year to month        | Interval columns are not hashable",
      "void                          | null type",
      "variant                       | Convert to a supported type"})
  void unsupportedTypesAreRefusedUpFrontWithTheirRecourse(String type, String recourseExcerpt) {
    UnhashableColumnsException error = assertThrows(UnhashableColumnsException.class,
        () -> TableHasher.forColumns(List.of(ColumnSpec.of("ok", "int"), ColumnSpec.of("bad", type))));

    Offender offender = error.offenders().get(0);
    assertEquals(1, error.offenders().size());
    assertEquals("bad", offender.column());
    assertEquals(type, offender.type());
    assertTrue(offender.recourse().contains(recourseExcerpt), offender.recourse());
  }

  @Test
  void duplicateNamesAreComparedExactly() {
    UnhashableColumnsException error = assertThrows(UnhashableColumnsException.class,
        () -> TableHasher.forColumns(List.of(ColumnSpec.of("a", "int"), ColumnSpec.of("A", "int"),
            ColumnSpec.of("\u00e9", "int"), ColumnSpec.of("e\u0301", "int"), ColumnSpec.of("a", "string"))));

    assertEquals(List.of(
        new Offender("a", "int", "The name is used by the columns at positions 1, 5; column names must be unique "
            + "(compared exactly). Rename or drop the duplicates before writing."),
        new Offender("a", "string", "The name is used by the columns at positions 1, 5; column names must be "
            + "unique (compared exactly). Rename or drop the duplicates before writing.")),
        error.offenders());
  }

  @Test
  void emptyNamesAreRefused() {
    UnhashableColumnsException error = assertThrows(UnhashableColumnsException.class,
        () -> TableHasher.forColumns(List.of(ColumnSpec.of("a", "int"), ColumnSpec.of("", "double"))));

    assertEquals(List.of(new Offender("", "double",
        "Its name is empty (position 2). Give every column a non-empty name before writing.")), error.offenders());
  }

  @Test
  void aTableWithoutColumnsIsRefusedInRsWords() {
    UnhashableColumnsException error =
        assertThrows(UnhashableColumnsException.class, () -> TableHasher.forColumns(List.of()));

    assertEquals("`data` must have at least one row and one column.", error.getMessage());
    assertEquals(List.of(), error.offenders());
  }

  @Test
  void aTableWithoutRowsIsRefusedInRsWords() {
    TableHasher table = TableHasher.forColumns(List.of(ColumnSpec.of("s", "string"), ColumnSpec.of("n", "int")));
    table.stringColumn(0).endMask();

    UnhashableColumnsException error = assertThrows(UnhashableColumnsException.class, table::finish);
    assertEquals("`data` must have at least one row and one column.", error.getMessage());
  }

  @Test
  void everySchemaOffenderIsNamedInOneMessage() {
    UnhashableColumnsException error = assertThrows(UnhashableColumnsException.class,
        () -> TableHasher.forColumns(List.of(ColumnSpec.of("payload", "binary"), ColumnSpec.of("id", "int"),
            ColumnSpec.of("", "string"), ColumnSpec.of("tags", "array<string>"), ColumnSpec.of("id", "bigint"))));

    assertEquals(List.of("payload", "id", "", "tags", "id"),
        error.offenders().stream().map(Offender::column).toList());
    String message = error.getMessage();
    assertTrue(message.startsWith("Cannot compute `data_sha`: 5 columns are not hashable.\n"), message);
    for (Offender offender : error.offenders()) {
      assertTrue(message.contains("\n  x " + offender.bullet()), message);
    }
    assertTrue(message.contains("\n  x Column payload (binary): Binary columns are not hashable."), message);
  }

  @Test
  void everyValueOffenderIsNamedInOneMessageAtFinish() {
    List<ColumnSpec> columns = List.of(ColumnSpec.of("n", "int"), ColumnSpec.of("fine", "double"),
        ColumnSpec.of("big", "bigint"), ColumnSpec.of("amt", "decimal(20,2)"), ColumnSpec.of("s", "string"));
    List<List<Object>> rows = List.of(
        Arrays.asList(1, 1.0, 1L, new BigDecimal("1.00"), "a"),
        Arrays.asList(Integer.MIN_VALUE, 2.0, Long.MIN_VALUE, new BigDecimal("12345678901234567.89"), "b\0"));

    UnhashableColumnsException error =
        assertThrows(UnhashableColumnsException.class, () -> TableHash.ofRows(columns, rows));

    assertEquals(List.of("n", "big", "amt", "s"), error.offenders().stream().map(Offender::column).toList());
    assertEquals(List.of("int", "bigint", "decimal(20,2)", "string"),
        error.offenders().stream().map(Offender::type).toList());
    assertTrue(error.getMessage().startsWith("Cannot compute `data_sha`: 4 columns are not hashable."));
    assertTrue(error.getMessage().contains("The value at row 2 has more than 15"), error.getMessage());
    assertTrue(!error.getMessage().contains("12345678901234567"), "no cell value in a message");
  }

  @Test
  void columnsMustBeFedTheSameNumberOfRows() {
    TableHasher table = TableHasher.forColumns(List.of(ColumnSpec.of("a", "int"), ColumnSpec.of("b", "int")));
    table.column(0).addInt(1);
    table.column(0).addInt(2);
    table.column(1).addInt(1);

    IllegalStateException error = assertThrows(IllegalStateException.class, table::finish);
    assertTrue(error.getMessage().contains("column a has 2, column b has 1"), error.getMessage());
  }

  @Test
  void stringAndTypedColumnsAreAskedForByKind() {
    TableHasher table = TableHasher.forColumns(List.of(ColumnSpec.of("s", "string"), ColumnSpec.of("n", "int")));

    assertThrows(IllegalArgumentException.class, () -> table.column(0));
    assertThrows(IllegalArgumentException.class, () -> table.stringColumn(1));
    assertEquals(List.of(ColumnSpec.of("s", "string"), ColumnSpec.of("n", "int")), table.columns());
  }

  @Test
  void hashesTheColumnsFedToIt() {
    TableHasher table = TableHasher.forColumns(List.of(ColumnSpec.of("x", "int"), ColumnSpec.of("y", "string")));
    StringColumnHasher y = table.stringColumn(1);
    for (int i = 1; i <= 3; i++) {
      table.column(0).addInt(i);
      y.maskPresent();
    }
    y.endMask();
    List.of("a", "b", "c").forEach(y::addValue);

    TableHash hash = table.finish();
    assertEquals("f3a74d60893878351b987439f906e4d309e5b1eaf24ab2b50c9049644512d95f", hash.dataSha());
    assertEquals(List.of("x", "y"), hash.colnames());
  }
}
