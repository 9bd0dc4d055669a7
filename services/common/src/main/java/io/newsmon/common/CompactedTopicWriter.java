package io.newsmon.common;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes the latest value of a key to a compacted topic and waits until the broker has it
 * (idempotent producer, all in-sync replicas): the write half of {@link CompactedTopicView}, for
 * stores whose callers must know a change is durable before they answer (REST writes, catalog
 * loads). A null value writes a tombstone.
 *
 * @param <V> value type
 */
public final class CompactedTopicWriter<V> implements AutoCloseable {

  private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

  private final TopicSpec topic;
  private final KafkaProducer<String, V> producer;

  public CompactedTopicWriter(
      String bootstrapServers, TopicSpec topic, Serializer<V> values, String clientId) {
    this(KafkaConnection.of(bootstrapServers), topic, values, clientId);
  }

  public CompactedTopicWriter(
      KafkaConnection kafka, TopicSpec topic, Serializer<V> values, String clientId) {
    if (!topic.compacted()) {
      throw new IllegalArgumentException(topic.name() + " is not a compacted topic");
    }
    this.topic = topic;
    this.producer =
        new KafkaProducer<>(
            kafka.clientConfig(
                Map.of(
                    ProducerConfig.ACKS_CONFIG,
                    "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                    true,
                    ProducerConfig.CLIENT_ID_CONFIG,
                    clientId)),
            new StringSerializer(),
            values);
  }

  /** Writes {@code value} (null: a tombstone) under {@code key} and waits for the broker. */
  public void write(String key, V value) {
    try {
      producer
          .send(new ProducerRecord<>(topic.name(), key, value))
          .get(WRITE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing " + key + " to " + topic.name());
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(
          "cannot write " + key + " to " + topic.name() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
