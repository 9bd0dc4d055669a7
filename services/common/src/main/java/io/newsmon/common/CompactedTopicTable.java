package io.newsmon.common;

import java.time.Duration;
import java.util.function.BiConsumer;
import org.apache.kafka.common.serialization.Serde;

/**
 * A compacted topic used as a table: a {@link CompactedTopicView} that hands every record to a
 * callback, and a {@link CompactedTopicWriter} for durable writes, opened and closed together. What
 * services built from the two halves each time (subscriptions, the delivery ledger, the topic
 * catalog).
 *
 * @param <V> value type
 */
public final class CompactedTopicTable<V> implements AutoCloseable {

  private final CompactedTopicWriter<V> writer;
  private final CompactedTopicView<V> view;

  /** Opens the writer and starts following the topic from the beginning. */
  public CompactedTopicTable(
      String bootstrapServers,
      TopicSpec topic,
      Serde<V> serde,
      String clientId,
      BiConsumer<String, V> onRecord) {
    this(KafkaConnection.of(bootstrapServers), topic, serde, clientId, onRecord);
  }

  /** Opens the writer and starts following the topic, both connecting as {@code kafka} says. */
  public CompactedTopicTable(
      KafkaConnection kafka,
      TopicSpec topic,
      Serde<V> serde,
      String clientId,
      BiConsumer<String, V> onRecord) {
    this.writer = new CompactedTopicWriter<>(kafka, topic, serde.serializer(), clientId);
    try {
      this.view =
          new CompactedTopicView<>(kafka, topic.name(), serde.deserializer(), onRecord).start();
    } catch (RuntimeException e) {
      writer.close(); // a view that cannot be built must not leave the producer's threads behind
      throw e;
    }
  }

  /** Writes {@code value} (null: a tombstone) under {@code key} and waits for the broker. */
  public void write(String key, V value) {
    writer.write(key, value);
  }

  /** Whether everything in the topic at start has been handed to the callback. */
  public boolean isCaughtUp() {
    return view.isCaughtUp();
  }

  public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
    return view.awaitCaughtUp(timeout);
  }

  @Override
  public void close() throws InterruptedException {
    try {
      view.close();
    } finally {
      writer.close();
    }
  }
}
