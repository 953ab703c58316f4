package io.datom.spark.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How {@link PairedScan} splits two objects into tasks: one per row group of the first, each row group of the second
 * in the task where its middle row lies, every row group read exactly once.
 */
class PairedScanWindowsTest {

  /** Row groups of the given row counts, 1,000 bytes per row, laid out one after the other from byte 4. */
  private static RowGroups groups(long... rows) {
    List<long[]> groups = new ArrayList<>();
    long start = 4;
    long first = 0;
    for (long count : rows) {
      groups.add(new long[] {start, count * 1000, first, count});
      start += count * 1000;
      first += count;
    }
    return new RowGroups("object", groups);
  }

  @Test
  void eachRowGroupOfTheSecondGoesWhereItsMiddleRowLies() {
    List<PairedScan.Window> windows = PairedScan.windows(groups(100, 100, 100), groups(60, 170, 71));
    assertEquals(3, windows.size());
    assertArrayEquals(new long[] {4, 100_000}, windows.get(0).first());
    assertArrayEquals(new long[] {4, 60_000}, windows.get(0).second()); // middle row 30
    assertArrayEquals(new long[] {60_004, 170_000}, windows.get(1).second()); // middle row 145
    assertArrayEquals(new long[] {230_004, 71_000}, windows.get(2).second()); // middle row 265
  }

  @Test
  void theLastTaskTakesWhatLiesBeyondTheFirstAndATaskMayHaveNothingOfTheSecond() {
    List<PairedScan.Window> windows = PairedScan.windows(groups(100, 100), groups(10, 500));
    assertArrayEquals(new long[] {4, 10_000}, windows.get(0).second());
    assertArrayEquals(new long[] {10_004, 500_000}, windows.get(1).second()); // middle row 260, beyond the first
    List<PairedScan.Window> shorter = PairedScan.windows(groups(100, 100, 100), groups(50));
    assertArrayEquals(new long[] {4, 50_000}, shorter.get(0).second());
    assertNull(shorter.get(1).second());
    assertNull(shorter.get(2).second());
  }

  @Test
  void aFirstObjectWithoutRowsGivesOneTaskReadingAllOfTheSecond() {
    List<PairedScan.Window> windows = PairedScan.windows(groups(), groups(5, 5));
    assertEquals(1, windows.size());
    assertNull(windows.get(0).first());
    assertArrayEquals(new long[] {4, 10_000}, windows.get(0).second());
  }
}
