package io.newsmon.alerts.delivery;

import io.newsmon.avro.Delivery;
import io.newsmon.avro.DeliveryAttempt;
import io.newsmon.common.KafkaConnection;
import io.newsmon.common.TopicCatalog;
import io.newsmon.schema.AvroSerde;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;

/**
 * A subscription's delivery history, read from Kafka on demand: the delivery log ({@code
 * alerts.attempts}), deliveries made ({@code alerts.delivered}) and given up ({@code
 * alerts.dead-letter}). Every delivery topic puts a subscription's records in one partition, so a
 * query reads one partition from the first record of the time range (found by timestamp) to its
 * end, nothing else: cost grows with the range, not with the topic.
 */
public final class DeliveryHistory {

  /** Longest a history query reads before answering with what it has. */
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(20);

  private final KafkaConnection kafka;
  private final AvroSerde<DeliveryAttempt> attempts = AvroSerde.of(DeliveryAttempt.class);
  private final AvroSerde<Delivery> deliveries = AvroSerde.of(Delivery.class);

  public DeliveryHistory(KafkaConnection kafka) {
    this.kafka = kafka;
  }

  /** The settings of a query's consumer: no group, committed records only. */
  static Map<String, Object> consumerConfig(KafkaConnection kafka) {
    return kafka.readerConfig("newsmon-alerts-history");
  }

  /** The partition of a subscription's records in a delivery topic of {@code count} partitions. */
  static int partitionOf(String subscriptionId, int count) {
    return Utils.toPositive(Utils.murmur2(subscriptionId.getBytes(StandardCharsets.UTF_8))) % count;
  }

  /** The subscription's delivery attempts in [from, to), newest first, at most {@code limit}. */
  public List<DeliveryAttempt> attempts(
      String subscriptionId, Instant from, Instant to, int limit) {
    List<DeliveryAttempt> newestFirst =
        new ArrayList<>(
            read(
                TopicCatalog.ALERTS_ATTEMPTS.name(),
                subscriptionId,
                from,
                to,
                limit,
                bytes ->
                    attempts.deserializer().deserialize(TopicCatalog.ALERTS_ATTEMPTS.name(), bytes),
                a -> a.getSubscriptionId().equals(subscriptionId)));
    java.util.Collections.reverse(newestFirst);
    return newestFirst;
  }

  /**
   * The subscription's deliveries that ended in [from, to) in {@code topic} ({@code
   * alerts.delivered} or {@code alerts.dead-letter}), oldest first, at most {@code limit} (the
   * latest ones when there are more).
   */
  public List<PendingDelivery> finished(
      String topic, String subscriptionId, Instant from, Instant to, int limit) {
    return read(
            topic,
            subscriptionId,
            from,
            to,
            limit,
            bytes -> deliveries.deserializer().deserialize(topic, bytes),
            d -> d.getSubscriptionId().equals(subscriptionId))
        .stream()
        .map(DeliveryWire::fromWire)
        .toList();
  }

  private <T> List<T> read(
      String topic,
      String subscriptionId,
      Instant from,
      Instant to,
      int limit,
      Function<byte[], T> decode,
      Predicate<T> wanted) {
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            consumerConfig(kafka), new StringDeserializer(), new ByteArrayDeserializer())) {
      int count = consumer.partitionsFor(topic).size();
      TopicPartition partition = new TopicPartition(topic, partitionOf(subscriptionId, count));
      consumer.assign(List.of(partition));
      long end = consumer.endOffsets(List.of(partition)).get(partition);
      OffsetAndTimestamp start =
          consumer.offsetsForTimes(Map.of(partition, from.toEpochMilli())).get(partition);
      if (start == null) {
        return List.of(); // nothing at or after `from`
      }
      consumer.seek(partition, start.offset());
      Deque<T> kept = new ArrayDeque<>();
      long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
      while (consumer.position(partition) < end && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          if (record.timestamp() >= to.toEpochMilli()) {
            return List.copyOf(kept);
          }
          if (record.value() == null) {
            continue;
          }
          T value;
          try {
            value = decode.apply(record.value());
          } catch (RuntimeException e) {
            continue; // an unreadable record is not history
          }
          if (wanted.test(value)) {
            kept.addLast(value);
            if (kept.size() > limit) {
              kept.removeFirst();
            }
          }
        }
      }
      return List.copyOf(kept);
    }
  }
}
