package io.newsmon.pipeline.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LshIndexTest {

  @Test
  void findsEveryArticleSharingABucket() {
    LshIndex index = new LshIndex(4);
    index.add(new int[] {1, 2, 3}, 10);
    index.add(new int[] {3, 4, 5}, 11);
    index.add(new int[] {6, 7, 8}, 12);
    assertThat(candidates(index, 3)).containsExactlyInAnyOrder(10, 11);
    assertThat(candidates(index, 8)).containsExactly(12);
    assertThat(candidates(index, 99)).isEmpty();
  }

  @Test
  void removalKeepsOtherEntriesReachable() {
    LshIndex index = new LshIndex(16);
    // Many equal keys force long probe runs through the deleted slots.
    for (int seq = 1; seq <= 50; seq++) {
      index.add(new int[] {42, seq * 1000}, seq);
    }
    for (int seq = 1; seq <= 50; seq += 2) {
      index.remove(new int[] {42, seq * 1000}, seq);
    }
    Set<Integer> expected = new HashSet<>();
    for (int seq = 2; seq <= 50; seq += 2) {
      expected.add(seq);
    }
    assertThat(new HashSet<>(candidates(index, 42))).isEqualTo(expected);
    assertThat(index.entries()).isEqualTo(50);
  }

  @Test
  void agreesWithAMapUnderRandomAddsAndRemoves() {
    Random random = new Random(1);
    LshIndex index = new LshIndex(8);
    Map<Integer, int[]> live = new HashMap<>();
    for (int step = 0; step < 20_000; step++) {
      int seq = 1 + random.nextInt(2_000);
      if (live.containsKey(seq)) {
        index.remove(live.remove(seq), seq);
      } else {
        int[] keys = {random.nextInt(500), random.nextInt(500), random.nextInt(500)};
        index.add(keys, seq);
        live.put(seq, keys);
      }
    }
    for (int key = 0; key < 500; key++) {
      Set<Integer> expected = new HashSet<>();
      for (Map.Entry<Integer, int[]> e : live.entrySet()) {
        for (int k : e.getValue()) {
          if (k == key) {
            expected.add(e.getKey());
          }
        }
      }
      assertThat(new HashSet<>(candidates(index, key))).as("bucket %d", key).isEqualTo(expected);
    }
  }

  @Test
  void costsAtMostAHundredBytesPerArticleWithEightBands() {
    LshIndex index = new LshIndex(16);
    for (int seq = 1; seq <= 100_000; seq++) {
      index.add(
          new int[] {seq, seq + 1, seq + 2, seq + 3, seq + 4, seq + 5, seq + 6, seq + 7}, seq);
    }
    assertThat(index.bytes() / 100_000.0).isLessThanOrEqualTo(100.0);
  }

  @Test
  void sequenceNumbersStartAtOne() {
    assertThatThrownBy(() -> new LshIndex(1).add(new int[] {1}, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static List<Integer> candidates(LshIndex index, int key) {
    List<Integer> found = new java.util.ArrayList<>();
    index.candidates(new int[] {key}, Integer.MAX_VALUE, found::add);
    return found;
  }
}
