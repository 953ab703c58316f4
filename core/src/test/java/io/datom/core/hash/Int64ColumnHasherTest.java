package io.datom.core.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class Int64ColumnHasherTest {

  @Test
  void valuesAreRawLittleEndianWithoutCanonicalisation() {
    long[] values = {0, -1, Long.MAX_VALUE, 0x7FF8000000000001L, 0x8000000000000000L + 1, 0xFFF0000000000000L};
    Int64ColumnHasher x = Int64ColumnHasher.create("x");
    ExpectedDigest expected = ExpectedDigest.column("i64", "x");
    for (long value : values) {
      x.add(value);
      expected.longBits(value);
    }

    assertEquals(expected.sha(), x.finish().sha());
  }

  @Test
  void naIsInt64Min() {
    Int64ColumnHasher x = Int64ColumnHasher.create("x");
    x.addNa();

    assertEquals(ExpectedDigest.column("i64", "x").bytes(0, 0, 0, 0, 0, 0, 0, 0x80).sha(), x.finish().sha());
    assertEquals(1, x.rowCount());
  }
}
