package io.newsmon.pipeline.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StoredArticleTest {

  @Test
  void roundTripsThroughBytes() {
    SeenArticle seen =
        new SeenArticle(
            "a-\u00e9", "cluster-\u00e9", 42L, new Fingerprint(new byte[] {1, 2, 3}, -7L, 99));

    StoredArticle back =
        StoredArticle.fromBytes(new StoredArticle(seen, new long[] {5, -6}).toBytes());

    assertThat(back.article()).usingRecursiveComparison().isEqualTo(seen);
    assertThat(back.exactKeys()).containsExactly(5, -6);
    SeenArticle first = new SeenArticle("x", "x", 1L, new Fingerprint(new byte[0], 0L, 3));
    assertThat(StoredArticle.fromBytes(new StoredArticle(first, new long[0]).toBytes()).article())
        .as("a cluster equal to the id is not stored twice, and comes back")
        .usingRecursiveComparison()
        .isEqualTo(first);
  }

  @Test
  void olderFormatsKeepTheirClusterButAreNotCompared() {
    SeenArticle seen =
        new SeenArticle("a", "c", 42L, new Fingerprint(new byte[] {1, 2, 3}, -7L, 99));
    byte[] current = new StoredArticle(seen, new long[0]).toBytes();
    // Format 4 had no key list: the same bytes without the key count.
    byte[] format4 = new byte[current.length - 1];
    format4[0] = 4;
    System.arraycopy(current, 2, format4, 1, current.length - 2);

    StoredArticle back = StoredArticle.fromBytes(format4);

    assertThat(back.article().clusterId()).isEqualTo("c");
    assertThat(back.article().seenAtMillis()).isEqualTo(42L);
    assertThat(back.article().fingerprint().isSigned()).isFalse();
    assertThat(back.exactKeys()).isEmpty();
    format4[0] = 2;
    assertThatThrownBy(() -> StoredArticle.fromBytes(format4)).hasMessageContaining("format 2");
  }

  @Test
  void formatFiveKeepsItsKeysButItsMinHashOfOlderWordHashesIsNotCompared() {
    SeenArticle seen =
        new SeenArticle("a", "c", 42L, new Fingerprint(new byte[] {1, 2, 3}, -7L, 99));
    byte[] format5 = new StoredArticle(seen, new long[] {11, 12}).toBytes();
    format5[0] = 5;

    StoredArticle back = StoredArticle.fromBytes(format5);

    assertThat(back.exactKeys()).containsExactly(11, 12);
    assertThat(back.article().clusterId()).isEqualTo("c");
    assertThat(back.article().fingerprint().isSigned()).isFalse();
  }
}
