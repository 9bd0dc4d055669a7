package io.newsmon.pipeline.catalog;

import io.newsmon.common.CompactedTopicWriter;
import io.newsmon.common.KafkaConnection;
import io.newsmon.common.TopicCatalog;
import io.newsmon.schema.AvroSerde;
import io.newsmon.topics.TopicDefinition;
import io.newsmon.topics.TopicDefinitionWire;
import java.time.Instant;
import java.util.List;

/** Publishes topic definitions from a catalog file to {@code news.topic-definitions}. */
public final class TopicCatalogSeeder {

  private TopicCatalogSeeder() {}

  /** Publishes {@code topics} and waits until the broker has them; returns how many. */
  public static int publish(String bootstrapServers, List<TopicDefinition> topics) {
    return publish(KafkaConnection.of(bootstrapServers), topics);
  }

  /** Publishes {@code topics} over {@code kafka} and waits until the broker has them. */
  public static int publish(KafkaConnection kafka, List<TopicDefinition> topics) {
    try (var writer =
        new CompactedTopicWriter<>(
            kafka,
            TopicCatalog.NEWS_TOPIC_DEFINITIONS,
            AvroSerde.of(io.newsmon.avro.TopicDefinition.class).serializer(),
            "newsmon-topic-catalog-load")) {
      Instant now = Instant.now();
      for (TopicDefinition topic : topics) {
        writer.write(topic.id(), TopicDefinitionWire.toWire(topic, now));
      }
    }
    return topics.size();
  }
}
