package io.newsmon.feeds;

import io.newsmon.avro.RawArticle;
import io.newsmon.common.KafkaConnection;
import io.newsmon.common.TopicCatalog;
import io.newsmon.common.TopicSpec;
import io.newsmon.common.TraceIds;
import io.newsmon.schema.AvroSerde;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The producer every newsmon producer shares for {@code news.raw}: idempotent with {@code acks=all}
 * (a retried send is written once), keyed by the article id (the same article lands on the same
 * partition, where the dedup stage sees its copies), the trace id in the {@value TraceIds#HEADER}
 * header, and requests large enough for the topic's largest record.
 */
public final class KafkaRawArticles implements AutoCloseable {

  private final KafkaProducer<String, RawArticle> producer;
  private final String topic;

  /** Batch size of news.raw producers. */
  public static final int RAW_BATCH_BYTES = 256 * 1024;

  public KafkaRawArticles(String bootstrapServers, String clientId) {
    this(KafkaConnection.of(bootstrapServers), clientId);
  }

  /** The producer of {@code news.raw}, connecting as {@code kafka} says (TLS, SASL). */
  public KafkaRawArticles(KafkaConnection kafka, String clientId) {
    this(kafka, clientId, TopicCatalog.NEWS_RAW);
  }

  /**
   * A producer like the one every producer of {@code news.raw} uses, writing to {@code topic}
   * instead (the end-to-end benchmark's ceiling measures Kafka alone with it).
   */
  public KafkaRawArticles(String bootstrapServers, String clientId, TopicSpec topic) {
    this(KafkaConnection.of(bootstrapServers), clientId, topic);
  }

  /**
   * Like {@link #KafkaRawArticles(String, String, TopicSpec)}, connecting as {@code kafka} says.
   */
  public KafkaRawArticles(KafkaConnection kafka, String clientId, TopicSpec topic) {
    this.topic = topic.name();
    this.producer =
        new KafkaProducer<>(
            producerConfig(kafka, clientId),
            new StringSerializer(),
            AvroSerde.of(RawArticle.class));
  }

  /** The producer's settings: the connection's, and what makes a send safe and bounded. */
  static Map<String, Object> producerConfig(KafkaConnection kafka, String clientId) {
    Map<String, Object> settings = new HashMap<>();
    settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    settings.put(ProducerConfig.ACKS_CONFIG, "all");
    settings.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
    settings.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, TopicCatalog.MAX_REQUEST_BYTES);
    // Articles are 5-100 KB: with the default 16 KB batches each one travels in a request of its
    // own, and the broker's per-request cost caps a backlog's speed (docs/benchmarks.md).
    settings.put(ProducerConfig.BATCH_SIZE_CONFIG, RAW_BATCH_BYTES);
    // A send blocks its caller at most this long when the broker is away, so an HTTP request or a
    // feed poll fails with a reason instead of hanging.
    settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
    settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
    settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 40_000);
    return kafka.clientConfig(settings);
  }

  /** Sends {@code article}; the future completes once the broker has it (or with the failure). */
  public CompletableFuture<Void> send(RawArticle article) {
    ProducerRecord<String, RawArticle> record =
        new ProducerRecord<>(topic, article.getArticleId(), article);
    record.headers().add(TraceIds.HEADER, article.getTraceId().getBytes(StandardCharsets.UTF_8));
    CompletableFuture<Void> acked = new CompletableFuture<>();
    try {
      producer.send(
          record,
          (metadata, e) -> {
            if (e == null) {
              acked.complete(null);
            } else {
              acked.completeExceptionally(e);
            }
          });
    } catch (RuntimeException e) { // too large, serialization, no metadata within max.block.ms
      acked.completeExceptionally(e);
    }
    return acked;
  }

  /** Waits until everything sent so far is acknowledged or failed. */
  public void flush() {
    producer.flush();
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(10));
  }
}
