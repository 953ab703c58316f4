package io.datom.core.internal.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.datom.core.internal.repo.PackRollup.Action;
import io.datom.core.internal.repo.PackRollup.PackSize;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which packs a writer merges, and when it repacks everything instead. */
class PackRollupTest {

  @Test
  void packsThatGrowGeometricallyAreLeftAlone() {
    assertEquals(Action.NONE, plan(50, 100).action());
    assertEquals(Action.NONE, plan(50, 1000, 10).action());
    assertEquals(Action.NONE, plan(50, 1000, 10, 20).action());
  }

  @Test
  void theSmallestPacksAreMergedUntilTheProgressionHolds() {
    // Nine packs, more than MERGE_AT: 10 < 2 x 10 breaks the progression at the smallest.
    PackRollup.Plan plan = plan(50, 100_000, 50_000, 20_000, 8_000, 3_000, 1_000, 300, 10, 10);
    assertEquals(Action.MERGE, plan.action());
    assertEquals(List.of(10L, 10L), sizes(plan));
    // 15 < 2 x 10 breaks it; merged they are 25, and 40 < 2 x 25 joins them; 200 >= 2 x 65 stays.
    assertEquals(List.of(10L, 15L, 40L), sizes(plan(50, 100_000, 30_000, 10_000, 3_000, 1_000, 200, 40, 15, 10)));
  }

  @Test
  void fewPacksAreLeftUnmerged() {
    assertEquals(Action.NONE, plan(50, 1000, 10, 10).action());
  }

  @Test
  void aMergeThatWouldReachTheLargestPackIsAFullRepack() {
    assertEquals(Action.FULL, plan(50, 100, 60).action());
    assertEquals(Action.FULL, plan(50, 100, 30, 30).action());
  }

  @Test
  void morePacksThanTheLimitAreMergedAllButTheLargest() {
    PackRollup.Plan plan = plan(3, 1000, 400, 100, 40, 10);
    assertEquals(Action.MERGE, plan.action());
    assertEquals(List.of(10L, 40L, 100L, 400L), sizes(plan));
    assertEquals(Action.FULL, plan(1, 1000, 10).action());
  }

  @Test
  void aPushAtATimeMergesEachByteAFewTimesAndKeepsFewPacks() {
    List<Long> packs = new ArrayList<>(List.of(1_000_000L));
    long rewritten = 0;
    int maxPacks = 0;
    for (int push = 0; push < 10_000; push++) {
      packs.add(100L);
      PackRollup.Plan plan = plan(50, packs.stream().mapToLong(Long::longValue).toArray());
      if (plan.action() == Action.MERGE) {
        long merged = sizes(plan).stream().mapToLong(Long::longValue).sum();
        rewritten += merged;
        for (long size : sizes(plan)) {
          packs.remove(size);
        }
        packs.add(merged);
      } else if (plan.action() == Action.FULL) {
        long all = packs.stream().mapToLong(Long::longValue).sum();
        rewritten += all;
        packs.clear();
        packs.add(all);
      }
      maxPacks = Math.max(maxPacks, packs.size());
    }
    // 1 MB of pushes onto a 1 MB repository: a handful of full repacks and merges of small packs.
    assertEquals(true, rewritten < 20 * 1_000_000L, "bytes rewritten: " + rewritten);
    assertEquals(true, maxPacks <= 16, "at most " + maxPacks + " packs");
  }

  private static PackRollup.Plan plan(int limit, long... sizes) {
    List<PackSize> packs = new ArrayList<>();
    for (int i = 0; i < sizes.length; i++) {
      packs.add(new PackSize(Path.of("pack-" + i + ".pack"), sizes[i]));
    }
    return PackRollup.plan(packs, limit);
  }

  private static List<Long> sizes(PackRollup.Plan plan) {
    return plan.toMerge().stream().map(PackSize::size).toList();
  }
}
