package io.datom.spark.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.datom.spark.exceptions.InvalidOptionsException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlacementTest {

  @Test
  void parallelInPartsOf64MiBUnlessTheSessionSaysOtherwise() {
    assertEquals(new Placement(true, 64L << 20), Placement.parse(Optional.empty(), Optional.empty()));
    assertEquals(new Placement(false, 64L << 20), Placement.parse(Optional.of(" Single "), Optional.empty()));
    assertEquals(new Placement(true, 5L << 20), Placement.parse(Optional.of("parallel"), Optional.of("5m")));
  }

  @Test
  void malformedSettingsAreRefusedByName() {
    InvalidOptionsException mode = assertThrows(InvalidOptionsException.class,
        () -> Placement.parse(Optional.of("fast"), Optional.empty()));
    assertEquals(List.of(DatomWriteOptions.PLACEMENT_CONF), mode.options());
    for (String size : List.of("4m", "lots", "-1")) {
      InvalidOptionsException partSize = assertThrows(InvalidOptionsException.class,
          () -> Placement.parse(Optional.empty(), Optional.of(size)));
      assertEquals(List.of(DatomWriteOptions.PLACEMENT_PART_SIZE_CONF), partSize.options());
    }
  }
}
