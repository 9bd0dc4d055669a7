package io.newsmon.alerts.live;

import io.newsmon.avro.FlaggedArticle;
import io.newsmon.common.KafkaConnection;
import io.newsmon.common.TopicCatalog;
import io.newsmon.schema.AvroSerde;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * Follows every partition of {@code news.flagged} from its end, without a consumer group, and hands
 * each article to the {@link LiveArticles} hub.
 */
public final class FlaggedFollower implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(FlaggedFollower.class);

  private final KafkaConsumer<String, FlaggedArticle> consumer;
  private final LiveArticles hub;
  private final Thread thread;
  private volatile boolean running = true;

  public FlaggedFollower(KafkaConnection kafka, LiveArticles hub) {
    this.hub = hub;
    this.consumer =
        new KafkaConsumer<>(
            consumerConfig(kafka),
            new StringDeserializer(),
            AvroSerde.of(FlaggedArticle.class).deserializer());
    this.thread = Thread.ofPlatform().daemon().name("live-flagged").unstarted(this::run);
  }

  /** The consumer's settings: no group (every instance follows every partition). */
  static Map<String, Object> consumerConfig(KafkaConnection kafka) {
    return kafka.readerConfig("newsmon-alerts-live");
  }

  public FlaggedFollower start() {
    thread.start();
    return this;
  }

  public boolean isRunning() {
    return running && thread.isAlive();
  }

  private void run() {
    String topic = TopicCatalog.NEWS_FLAGGED.name();
    try {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, Duration.ofSeconds(60)).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToEnd(partitions);
      partitions.forEach(consumer::position); // fix the start now, not at the first poll
      while (running) {
        try {
          for (ConsumerRecord<String, FlaggedArticle> record :
              consumer.poll(Duration.ofMillis(500))) {
            if (record.value() != null) {
              hub.publish(record.value());
            }
          }
        } catch (RecordDeserializationException e) {
          LOG.warnf("live stream skips unreadable record %s@%d", e.topicPartition(), e.offset());
          consumer.seek(e.topicPartition(), e.offset() + 1);
        }
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      LOG.error("live stream of flagged articles stopped", e);
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
