package io.datom.core.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.datom.core.exceptions.DatomException;
import io.datom.core.exceptions.UnhashableColumnsException;
import io.datom.core.exceptions.UnhashableColumnsException.Offender;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnhashableColumnsExceptionTest {
  private static final Offender BLOB = new Offender("blob", "binary", "Encode it.");
  private static final Offender TAGS = new Offender("tags", "array<string>", "Use to_json.");

  @Test
  void oneOffenderReadsInTheSingular() {
    assertEquals("Cannot compute `data_sha`: 1 column is not hashable.\n  x Column blob (binary): Encode it.",
        new UnhashableColumnsException(List.of(BLOB)).getMessage());
  }

  @Test
  void severalOffendersReadInThePluralOneBulletEach() {
    UnhashableColumnsException error = new UnhashableColumnsException(List.of(BLOB, TAGS));

    assertEquals("Cannot compute `data_sha`: 2 columns are not hashable.\n"
        + "  x Column blob (binary): Encode it.\n"
        + "  x Column tags (array<string>): Use to_json.", error.getMessage());
    assertEquals(List.of(BLOB, TAGS), error.offenders());
    assertInstanceOf(DatomException.class, error);
  }

  @Test
  void keepsItsOwnCopyOfTheOffenders() {
    List<Offender> offenders = new ArrayList<>(List.of(BLOB));
    UnhashableColumnsException error = new UnhashableColumnsException(offenders);
    offenders.add(TAGS);

    assertEquals(List.of(BLOB), error.offenders());
    assertThrows(UnsupportedOperationException.class, () -> error.offenders().add(TAGS));
  }

  @Test
  void needsAnOffenderUnlessTheTableIsEmpty() {
    assertThrows(IllegalArgumentException.class, () -> new UnhashableColumnsException(List.of()));
    assertEquals(List.of(), UnhashableColumnsException.emptyTable().offenders());
  }
}
