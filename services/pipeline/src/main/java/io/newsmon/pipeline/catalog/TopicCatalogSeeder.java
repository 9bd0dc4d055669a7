package io.newsmon.pipeline.catalog;

import io.newsmon.common.TopicCatalog;
import io.newsmon.schema.AvroSerde;
import io.newsmon.topics.TopicDefinition;
import io.newsmon.topics.TopicDefinitionWire;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes topic definitions from a catalog file to {@code news.topic-definitions}. */
public final class TopicCatalogSeeder {

  private TopicCatalogSeeder() {}

  /** Publishes {@code topics} and waits until the broker has them; returns how many. */
  public static int publish(String bootstrapServers, List<TopicDefinition> topics)
      throws InterruptedException {
    try (KafkaProducer<String, io.newsmon.avro.TopicDefinition> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new StringSerializer(),
            AvroSerde.of(io.newsmon.avro.TopicDefinition.class).serializer())) {
      Instant now = Instant.now();
      List<java.util.concurrent.Future<?>> sent = new java.util.ArrayList<>();
      for (TopicDefinition topic : topics) {
        sent.add(
            producer.send(
                new ProducerRecord<>(
                    TopicCatalog.NEWS_TOPIC_DEFINITIONS.name(),
                    topic.id(),
                    TopicDefinitionWire.toWire(topic, now))));
      }
      for (var future : sent) {
        try {
          future.get();
        } catch (java.util.concurrent.ExecutionException e) {
          throw new IllegalStateException("cannot publish the topic catalog", e.getCause());
        }
      }
    }
    return topics.size();
  }
}
