package io.newsmon.alerts.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsmon.common.DeadLetterHeaders;
import io.newsmon.common.KafkaConnection;
import io.newsmon.common.TopicCatalog;
import io.newsmon.common.TopicSpec;
import io.newsmon.schema.AvroSerde;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jboss.logging.Logger;

/**
 * Decodes the records of the alert service's input topics, and sends what cannot be decoded (bytes
 * that are not the expected Avro type, a writer schema this build does not know, a tombstone) to
 * {@code news.dead-letter}, where the pipeline sends what its stages refuse: the original key,
 * value and headers with the same {@code newsmon.error.*} headers, so the ops page and whoever
 * replays dead letters read both alike. Counted as {@code
 * newsmon_alerts_dead_letter_records_total{topic,reason}}.
 *
 * <p>A record is dead-lettered before its offset may be committed: when Kafka is unreachable the
 * write is tried again until it succeeds, so a bad record is neither lost nor allowed to stop the
 * channel.
 */
public final class InputDeadLetters implements AutoCloseable {

  /** Bytes that are not a record of the topic's type. */
  public static final String UNDECODABLE_RECORD = "undecodable_record";

  /** A record without a value (a tombstone): nothing to alert on. */
  public static final String EMPTY = "empty";

  /** The topics the service dead-letters for, each with its stage name. */
  public static final Map<TopicSpec, String> STAGES =
      Map.of(
          TopicCatalog.NEWS_FLAGGED, "alerts-flagged",
          TopicCatalog.NEWS_TOPIC_SPIKES, "alerts-spikes");

  private static final Logger LOG = Logger.getLogger(InputDeadLetters.class);
  private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

  private final KafkaProducer<byte[], byte[]> producer;
  private final MeterRegistry registry;
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

  public InputDeadLetters(KafkaConnection kafka, MeterRegistry registry) {
    this.registry = registry;
    this.producer =
        new KafkaProducer<>(
            producerConfig(kafka), new ByteArraySerializer(), new ByteArraySerializer());
    for (TopicSpec topic : STAGES.keySet()) {
      for (String reason : List.of(UNDECODABLE_RECORD, EMPTY)) {
        counter(topic.name(), reason);
      }
    }
  }

  /** The dead-letter producer's settings: durable, and large enough for any input record. */
  static Map<String, Object> producerConfig(KafkaConnection kafka) {
    return kafka.clientConfig(
        Map.of(
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
            true,
            ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
            TopicCatalog.MAX_REQUEST_BYTES,
            ProducerConfig.CLIENT_ID_CONFIG,
            "newsmon-alerts-dead-letters"));
  }

  /**
   * The record's value as {@code serde}'s type, or null once it has been dead-lettered because it
   * is not one.
   */
  public <T extends SpecificRecord> T decode(
      ConsumerRecord<byte[], byte[]> record, AvroSerde<T> serde) throws InterruptedException {
    if (record.value() == null) {
      deadLetter(record, EMPTY, "null record value (a tombstone)", null);
      return null;
    }
    try {
      return serde.deserialize(record.topic(), record.value());
    } catch (SerializationException e) {
      deadLetter(record, UNDECODABLE_RECORD, e.getMessage(), e.getClass().getName());
      return null;
    }
  }

  /** Dead-lettered records of {@code topic} for {@code reason} since start. */
  public double count(String topic, String reason) {
    return counter(topic, reason).count();
  }

  private Counter counter(String topic, String reason) {
    return counters.computeIfAbsent(
        topic + "|" + reason,
        k ->
            Counter.builder("newsmon.alerts.dead.letter.records")
                .description("Input records the alert service sent to news.dead-letter")
                .tag("topic", topic)
                .tag("reason", reason)
                .register(registry));
  }

  private void deadLetter(
      ConsumerRecord<byte[], byte[]> record, String reason, String message, String exception)
      throws InterruptedException {
    String source = record.topic() + "-" + record.partition() + "@" + record.offset();
    String stage = STAGES.getOrDefault(TopicCatalog.byName(record.topic()), "alerts");
    ProducerRecord<byte[], byte[]> letter =
        new ProducerRecord<>(
            TopicCatalog.NEWS_DEAD_LETTER.name(),
            null,
            record.timestamp(),
            record.key(),
            record.value());
    for (Header header : record.headers()) {
      letter.headers().add(header);
    }
    letter
        .headers()
        .add(DeadLetterHeaders.REASON, bytes(reason))
        .add(DeadLetterHeaders.MESSAGE, bytes(String.valueOf(message)))
        .add(DeadLetterHeaders.STAGE, bytes(stage))
        .add(DeadLetterHeaders.SOURCE, bytes(source));
    if (exception != null) {
      letter.headers().add(DeadLetterHeaders.EXCEPTION, bytes(exception));
    }
    for (int attempt = 1; ; attempt++) {
      try {
        producer.send(letter).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        break;
      } catch (ExecutionException | TimeoutException | RuntimeException e) {
        Duration pause = Duration.ofSeconds(Math.min(30, 1L << Math.min(attempt - 1, 5)));
        LOG.errorf(
            "cannot dead-letter record %s (attempt %d), trying again in %s: %s",
            source, attempt, pause, e.getMessage());
        Thread.sleep(pause);
      }
    }
    counter(record.topic(), reason).increment();
    LOG.warnf("dead-lettered record from %s at %s (%s): %s", source, stage, reason, message);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
