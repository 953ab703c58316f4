package io.datom.core.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datom.core.exceptions.UnhashableColumnsException;
import io.datom.core.exceptions.UnhashableColumnsException.Offender;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StringColumnHasherTest {

  @Test
  void maskComesBeforeAllValuesEachNulTerminated() {
    ColumnHash hash = StringColumnHasher.hash("s", Arrays.asList("ab", null, "", "é"));

    String expected = ExpectedDigest.column("chr", "s")
        .bytes(0, 1, 0, 0)
        .utf8("ab").bytes(0).bytes(0).bytes(0).utf8("é").bytes(0)
        .sha();
    assertEquals(expected, hash.sha());
  }

  @Test
  void nullAndEmptyStringDiffer() {
    assertNotEquals(StringColumnHasher.hash("s", Arrays.asList((String) null)),
        StringColumnHasher.hash("s", List.of("")));
  }

  @Test
  void unicodeIsNotNormalised() {
    assertNotEquals(StringColumnHasher.hash("s", List.of("na\u00efve")),
        StringColumnHasher.hash("s", List.of("nai\u0308ve")));
  }

  @ParameterizedTest
  @ValueSource(strings =
      {"", "a", "exactly8", "longer than eight bytes", "ï", "日本語", "😀 ok", "mixed é 日 😀 tail"})
  void utf8BytesHashLikeTheString(String value) {
    byte[] utf8 = ("<" + value + ">").getBytes(StandardCharsets.UTF_8);
    StringColumnHasher fromBytes = new StringColumnHasher("s");
    fromBytes.maskPresent();
    fromBytes.endMask();
    fromBytes.addValue(utf8, 1, utf8.length - 2);

    assertEquals(StringColumnHasher.hash("s", List.of(value)), fromBytes.finish());
  }

  @Test
  void unpairedSurrogatesEncodeAsStringGetBytesDoes() {
    String broken = "a\uD800b\uDC00c\uD83D";
    byte[] utf8 = broken.getBytes(StandardCharsets.UTF_8);
    StringColumnHasher fromBytes = new StringColumnHasher("s");
    fromBytes.maskPresent();
    fromBytes.endMask();
    fromBytes.addValue(utf8, 0, utf8.length);

    assertEquals(fromBytes.finish(), StringColumnHasher.hash("s", List.of(broken)));
  }

  @Test
  void valuesLongerThanTheBufferHashTheSame() {
    String huge = "x".repeat(DigestSink.DEFAULT_BUFFER_SIZE) + "é";
    StringColumnHasher small = new StringColumnHasher("s", 16);
    small.maskPresent();
    small.endMask();
    small.addValue(huge);

    assertEquals(ExpectedDigest.column("chr", "s").bytes(0).utf8(huge).bytes(0).sha(), small.finish().sha());
  }

  @Test
  void aNulCharacterRefusesTheColumnNamingItsRow() {
    StringColumnHasher hasher = new StringColumnHasher("s");
    for (int i = 0; i < 4; i++) {
      hasher.maskPresent();
    }
    hasher.endMask();
    hasher.addValue("fine");
    hasher.addValue("bad\0one");
    byte[] alsoBad = {'x', 0};
    hasher.addValue(alsoBad, 0, 2);
    hasher.addValue("fine");

    Offender offender = hasher.refusal().orElseThrow();
    assertEquals("s", offender.column());
    assertEquals("string", offender.type());
    assertTrue(offender.recourse().contains("The value at row 2 contains U+0000"), offender.recourse());
    UnhashableColumnsException error = assertThrows(UnhashableColumnsException.class, hasher::finish);
    assertEquals(List.of(offender), error.offenders());
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 7, 8, 9, 15, 16, 17, 40})
  void aNulByteIsFoundAtAnyPositionOfUtf8Input(int length) {
    for (int slack : new int[] {0, 1, 8}) {
      for (int zeroAt = 0; zeroAt < length; zeroAt++) {
        byte[] value = new byte[length + slack];
        Arrays.fill(value, (byte) 'a');
        value[zeroAt] = 0;
        StringColumnHasher hasher = new StringColumnHasher("s");
        hasher.maskPresent();
        hasher.endMask();
        hasher.addValue(value, 0, length);

        assertTrue(hasher.refusal().isPresent(), "zero at " + zeroAt + " of " + length + ", slack " + slack);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3, 7, 8, 9, 12, 17})
  void zeroBytesAfterTheValueAreNotPartOfIt(int length) {
    byte[] source = new byte[length + 16];
    Arrays.fill(source, 0, length, (byte) 'q');
    StringColumnHasher hasher = new StringColumnHasher("s");
    hasher.maskPresent();
    hasher.maskPresent();
    hasher.endMask();
    hasher.addValue(source, 0, length);
    hasher.addValue(source, 1, length - 1);

    assertFalse(hasher.refusal().isPresent());
    assertEquals(StringColumnHasher.hash("s", List.of("q".repeat(length), "q".repeat(length - 1))), hasher.finish());
  }

  @Test
  void highBytesAreNotMistakenForNul() {
    byte[] value = "ÿÿÿÿ€€€€ðððð".getBytes(StandardCharsets.UTF_8);
    StringColumnHasher hasher = new StringColumnHasher("s");
    hasher.maskPresent();
    hasher.endMask();
    hasher.addValue(value, 0, value.length);

    assertFalse(hasher.refusal().isPresent());
  }

  @Test
  void valuesBelongToTheValuePhase() {
    StringColumnHasher hasher = new StringColumnHasher("s");
    hasher.maskPresent();

    assertThrows(IllegalStateException.class, () -> hasher.addValue("a"));
    assertThrows(IllegalStateException.class, hasher::addNull);
    hasher.endMask();
    assertThrows(IllegalStateException.class, hasher::maskPresent);
    assertThrows(IllegalStateException.class, hasher::endMask);
  }

  @Test
  void moreValuesThanMaskRowsAreRejected() {
    StringColumnHasher hasher = new StringColumnHasher("s");
    hasher.maskPresent();
    hasher.endMask();
    hasher.addValue("a");

    IllegalStateException error = assertThrows(IllegalStateException.class, () -> hasher.addValue("b"));
    assertTrue(error.getMessage().contains("1 rows in its mask"), error.getMessage());
  }

  @Test
  void finishNeedsEveryValueAndMatchingNulls() {
    StringColumnHasher tooFew = new StringColumnHasher("s");
    tooFew.maskPresent();
    tooFew.maskPresent();
    tooFew.endMask();
    tooFew.addValue("a");
    StringColumnHasher nullsDisagree = new StringColumnHasher("s");
    nullsDisagree.maskNull();
    nullsDisagree.maskPresent();
    nullsDisagree.endMask();
    nullsDisagree.addValue("a");
    nullsDisagree.addValue("b");
    StringColumnHasher maskNeverEnded = new StringColumnHasher("s");

    assertThrows(IllegalStateException.class, tooFew::finish);
    assertThrows(IllegalStateException.class, nullsDisagree::finish);
    assertThrows(IllegalStateException.class, maskNeverEnded::finish);
  }

  @Test
  void rowCountIsTheMasks() {
    StringColumnHasher hasher = new StringColumnHasher("s");
    hasher.maskNull();
    hasher.maskPresent();

    assertEquals(2, hasher.rowCount());
  }
}
