package io.newsmon.pipeline.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

class StoreDedupIndexTest {

  private final Map<String, KeyValueStore<?, ?>> stores = new HashMap<>();

  @Test
  void sequenceNumbersResumeAfterTheReservedBlockWithoutAWritePerArticle() {
    StoreDedupIndex index = open();
    int first = index.nextSequence();
    for (int i = 0; i < 10; i++) {
      index.nextSequence();
    }
    KeyValueStore<Long, Integer> keys = store(DedupProcessor.KEY_STORE);
    assertThat(keys.get(0L)).as("one write reserved the block").isEqualTo(first + 4096);

    StoreDedupIndex reopened = new StoreDedupIndex(store(DedupProcessor.ARTICLE_STORE), keys);

    assertThat(reopened.nextSequence()).isEqualTo(first + 4096);
  }

  @Test
  void exactKeysAreWrittenOnlyWhenFreeAndForgottenWithTheirArticle() {
    StoreDedupIndex index = open();
    Deduplicator dedup = new Deduplicator(index, 0.7);
    String text =
        "one two three four five six seven eight nine ten eleven twelve thirteen fourteen";
    dedup.decide("a", "https://x.example/1", text, 1_000);
    Decision copy = dedup.decide("b", "https://x.example/2", text, 2_000);

    assertThat(copy.duplicateOf()).isEqualTo("a");
    assertThat(index.exact(Deduplicator.exactKey("url", "https://x.example/2")))
        .as("the copy's own URL is recorded")
        .isNotZero();
    assertThat(index.expireBefore(1_500)).isEqualTo(1);
    assertThat(index.exact(Deduplicator.exactKey("url", "https://x.example/1")))
        .as("a's keys left with a")
        .isZero();
    Decision late = dedup.decide("c", null, text, 3_000);
    assertThat(late.duplicateOf()).as("b, still held, is found by its fingerprint").isEqualTo("b");
    assertThat(late.method()).isEqualTo(Decision.Method.NEAR_DUPLICATE);
  }

  @Test
  void expiryStopsAtTheFirstArticleInsideTheWindowAndResumesAfterAReopen() {
    StoreDedupIndex index = open();
    for (long time = 1; time <= 5; time++) {
      SeenArticle article = signed("a" + time, time);
      index.add(
          index.nextSequence(),
          article,
          new long[] {100 + time},
          Signatures.bandKeys(article.fingerprint().minHash()));
    }

    assertThat(index.expireBefore(3)).isEqualTo(2);
    assertThat(index.exact(101)).isZero();
    assertThat(index.exact(103)).isNotZero();
    StoreDedupIndex reopened =
        new StoreDedupIndex(store(DedupProcessor.ARTICLE_STORE), store(DedupProcessor.KEY_STORE));
    assertThat(reopened.lshEntries()).isEqualTo(3 * Signatures.BANDS);
    assertThat(reopened.exact(104))
        .as("the key filter is rebuilt from the stored articles' keys")
        .isNotZero();
    assertThat(reopened.expireBefore(5)).isEqualTo(2);
    assertThat(reopened.lshEntries()).isEqualTo(Signatures.BANDS);
    assertThat(reopened.article(5)).isNotNull();
  }

  @Test
  void expiryFollowsSequenceNumbersAcrossTheirWrapAround() {
    open();
    KeyValueStore<Long, Integer> keys = store(DedupProcessor.KEY_STORE);
    keys.put(0L, Integer.MAX_VALUE - StoreDedupIndex.SEQUENCE_BLOCK - 2);
    StoreDedupIndex index = new StoreDedupIndex(store(DedupProcessor.ARTICLE_STORE), keys);
    int[] sequences = new int[StoreDedupIndex.SEQUENCE_BLOCK + 3];
    for (int i = 0; i < sequences.length; i++) {
      sequences[i] = index.nextSequence();
      index.add(sequences[i], seen("a" + i, i), new long[] {1000 + i}, new int[0]);
    }
    assertThat(sequences[sequences.length - 1]).as("numbers wrapped").isLessThan(sequences[0]);

    StoreDedupIndex reopened = new StoreDedupIndex(store(DedupProcessor.ARTICLE_STORE), keys);
    assertThat(reopened.expireBefore(sequences.length - 1)).isEqualTo(sequences.length - 1);
    assertThat(reopened.article(sequences[sequences.length - 1])).isNotNull();
    assertThat(reopened.article(sequences[sequences.length - 2])).isNull();
  }

  /** An article with a signature of its own (every byte its time). */
  private static SeenArticle signed(String id, long time) {
    byte[] minHash = new byte[Signatures.COMPONENTS * Signatures.BITS_PER_COMPONENT / 8];
    java.util.Arrays.fill(minHash, (byte) time);
    return new SeenArticle(id, id, time, new Fingerprint(minHash, 0L, 20));
  }

  private static SeenArticle seen(String id, long time) {
    return new SeenArticle(id, id, time, new Fingerprint(new byte[0], 0L, 3));
  }

  private StoreDedupIndex open() {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    MockProcessorContext<Object, Object> context =
        new MockProcessorContext<>(props, new TaskId(0, 0), null);
    add(context, DedupProcessor.ARTICLE_STORE, Serdes.Integer(), Serdes.ByteArray());
    add(context, DedupProcessor.KEY_STORE, Serdes.Long(), Serdes.Integer());
    return new StoreDedupIndex(
        store(DedupProcessor.ARTICLE_STORE), store(DedupProcessor.KEY_STORE));
  }

  private <K, V> void add(
      MockProcessorContext<Object, Object> context,
      String name,
      org.apache.kafka.common.serialization.Serde<K> keys,
      org.apache.kafka.common.serialization.Serde<V> values) {
    KeyValueStore<K, V> store =
        Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), keys, values)
            .withLoggingDisabled()
            .build();
    store.init(context.getStateStoreContext(), store);
    stores.put(name, store);
  }

  @SuppressWarnings("unchecked")
  private <K, V> KeyValueStore<K, V> store(String name) {
    return (KeyValueStore<K, V>) stores.get(name);
  }
}
