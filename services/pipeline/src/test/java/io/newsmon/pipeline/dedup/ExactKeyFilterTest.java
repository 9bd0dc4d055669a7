package io.newsmon.pipeline.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ExactKeyFilterTest {

  private static final int GENERATION = 1 << ExactKeyFilter.GENERATION_BITS;

  @Test
  void everyAddedKeyMayBePresentAndFewOthersDo() {
    ExactKeyFilter filter = new ExactKeyFilter(100_000);
    SplittableRandom random = new SplittableRandom(1);
    long[] added = new long[200_000]; // two keys per article, as most articles have
    for (int i = 0; i < added.length; i++) {
      added[i] = random.nextLong();
      filter.add(added[i], 1 + i / 2);
    }
    for (long key : added) {
      assertThat(filter.mayContain(key)).isTrue();
    }
    int falsePositives = 0;
    int probes = 200_000;
    for (int i = 0; i < probes; i++) {
      falsePositives += filter.mayContain(random.nextLong()) ? 1 : 0;
    }
    assertThat(falsePositives / (double) probes).as("false positive rate").isLessThan(0.01);
  }

  @Test
  void aGenerationIsDroppedOnceItsWholeBlockHasLeftTheWindow() {
    ExactKeyFilter filter = new ExactKeyFilter(1_000);
    filter.add(7L, 5); // generation 0
    filter.add(8L, GENERATION + 5); // generation 1
    assertThat(filter.generations()).isEqualTo(2);

    filter.retain(GENERATION - 1, GENERATION + 5); // the oldest held is still in generation 0
    assertThat(filter.mayContain(7L)).isTrue();

    filter.retain(GENERATION + 1, GENERATION + 5);
    assertThat(filter.generations()).isEqualTo(1);
    assertThat(filter.mayContain(7L)).isFalse();
    assertThat(filter.mayContain(8L)).isTrue();
  }

  @Test
  void generationsSurviveTheWrapAroundOfSequenceNumbers() {
    ExactKeyFilter filter = new ExactKeyFilter(1_000);
    int last = Integer.MAX_VALUE - 5_000;
    filter.add(1L, last); // the last generation before the wrap
    filter.add(2L, 3); // the first after it
    filter.retain(last, 3); // the window runs across the wrap
    assertThat(filter.mayContain(1L)).isTrue();
    assertThat(filter.mayContain(2L)).isTrue();

    filter.retain(3, 3);
    assertThat(filter.mayContain(1L)).isFalse();
    assertThat(filter.mayContain(2L)).isTrue();
  }
}
