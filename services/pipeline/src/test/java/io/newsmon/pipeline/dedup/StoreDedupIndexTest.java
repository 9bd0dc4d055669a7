package io.newsmon.pipeline.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
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
    KeyValueStore<Long, Integer> exact = store(DedupProcessor.EXACT_STORE);
    assertThat(exact.get(0L)).as("one write reserved the block").isEqualTo(first + 4096);

    StoreDedupIndex reopened =
        new StoreDedupIndex(
            store(DedupProcessor.ARTICLE_STORE),
            store(DedupProcessor.ID_STORE),
            exact,
            store(DedupProcessor.EXPIRY_STORE));

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

  private StoreDedupIndex open() {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    MockProcessorContext<Object, Object> context =
        new MockProcessorContext<>(props, new TaskId(0, 0), null);
    add(context, DedupProcessor.ARTICLE_STORE, Serdes.Integer(), Serdes.ByteArray());
    add(context, DedupProcessor.ID_STORE, Serdes.String(), Serdes.Integer());
    add(context, DedupProcessor.EXACT_STORE, Serdes.Long(), Serdes.Integer());
    add(context, DedupProcessor.EXPIRY_STORE, Serdes.Bytes(), Serdes.ByteArray());
    return new StoreDedupIndex(
        store(DedupProcessor.ARTICLE_STORE),
        store(DedupProcessor.ID_STORE),
        store(DedupProcessor.EXACT_STORE),
        this.<Bytes, byte[]>store(DedupProcessor.EXPIRY_STORE));
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
