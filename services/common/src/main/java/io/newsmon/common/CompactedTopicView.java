package io.newsmon.common;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a compacted topic from the beginning and keeps following it, handing every key and value
 * (null for a tombstone) to a callback. Every instance of the service sees every record, which is
 * how instances share subscriptions, delivery memory and topic definitions without a database.
 *
 * @param <V> value type
 */
public final class CompactedTopicView<V> implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(CompactedTopicView.class);
  private static final java.util.concurrent.atomic.AtomicInteger VIEWS =
      new java.util.concurrent.atomic.AtomicInteger();

  private final String topic;
  private final KafkaConsumer<String, V> consumer;
  private final BiConsumer<String, V> onRecord;
  private final CountDownLatch caughtUp = new CountDownLatch(1);
  private final Thread thread;
  private volatile boolean running = true;

  public CompactedTopicView(
      String bootstrapServers,
      String topic,
      Deserializer<V> values,
      BiConsumer<String, V> onRecord) {
    this(KafkaConnection.of(bootstrapServers), topic, values, onRecord);
  }

  public CompactedTopicView(
      KafkaConnection kafka, String topic, Deserializer<V> values, BiConsumer<String, V> onRecord) {
    this.topic = topic;
    this.onRecord = onRecord;
    this.consumer =
        new KafkaConsumer<>(
            kafka.readerConfig("newsmon-view-" + topic + "-" + VIEWS.incrementAndGet()),
            new StringDeserializer(),
            values);
    this.thread = Thread.ofPlatform().daemon().name("view-" + topic).unstarted(this::run);
  }

  public CompactedTopicView<V> start() {
    thread.start();
    return this;
  }

  /** Waits until everything that was in the topic at start has been read. */
  public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
    return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  public boolean isCaughtUp() {
    return caughtUp.getCount() == 0;
  }

  private void run() {
    try {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, Duration.ofSeconds(60)).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (running) {
        Iterable<ConsumerRecord<String, V>> records;
        try {
          records = consumer.poll(Duration.ofMillis(500));
        } catch (RecordDeserializationException e) {
          // A record nobody can read must not stop the view: skip it, loudly.
          LOG.error(
              "skipping undecodable record {}@{}: {}",
              e.topicPartition(),
              e.offset(),
              e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
          consumer.seek(e.topicPartition(), e.offset() + 1);
          continue;
        }
        for (ConsumerRecord<String, V> record : records) {
          try {
            onRecord.accept(record.key(), record.value());
          } catch (RuntimeException e) {
            LOG.error(
                "cannot apply record {}-{}@{}", topic, record.partition(), record.offset(), e);
          }
        }
        if (caughtUp.getCount() > 0
            && end.entrySet().stream()
                .allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
          caughtUp.countDown();
        }
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      LOG.error("view of {} stopped", topic, e);
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    consumer.wakeup();
    thread.join(10_000);
  }
}
