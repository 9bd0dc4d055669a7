package io.newsmon.alerts.topics;

import io.newsmon.common.CompactedTopicTable;
import io.newsmon.common.KafkaConnection;
import io.newsmon.common.TopicCatalog;
import io.newsmon.schema.AvroSerde;
import io.newsmon.topics.TopicDefinition;
import io.newsmon.topics.TopicDefinitionWire;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The topic catalog as the admin API sees it: the compacted topic {@code news.topic-definitions},
 * followed from the beginning, with writes going to Kafka first and then to the local map so an
 * admin reads their own write at once. The pipeline follows the same topic and applies each change
 * while it runs.
 */
@ApplicationScoped
public class TopicCatalogStore {

  @Inject KafkaConnection kafka;

  private final Clock clock = Clock.systemUTC();
  private final AvroSerde<io.newsmon.avro.TopicDefinition> serde =
      AvroSerde.of(io.newsmon.avro.TopicDefinition.class);
  private final Map<String, TopicDefinition> topics = new ConcurrentHashMap<>();
  private CompactedTopicTable<io.newsmon.avro.TopicDefinition> table;

  void start(@Observes StartupEvent event) {
    table =
        new CompactedTopicTable<>(
            kafka,
            TopicCatalog.NEWS_TOPIC_DEFINITIONS,
            serde,
            "newsmon-alerts-topic-definitions",
            this::apply);
  }

  void stop(@Observes ShutdownEvent event) throws InterruptedException {
    if (table != null) {
      table.close();
    }
  }

  public List<TopicDefinition> all() {
    return topics.values().stream()
        .sorted(java.util.Comparator.comparing(TopicDefinition::id))
        .toList();
  }

  public Optional<TopicDefinition> find(String id) {
    return Optional.ofNullable(topics.get(id));
  }

  /** Stores {@code topic} (already validated) and returns it. */
  public TopicDefinition save(TopicDefinition topic) {
    write(topic.id(), TopicDefinitionWire.toWire(topic, clock.instant()));
    topics.put(topic.id(), topic);
    return topic;
  }

  /** Deletes a topic; false when there is none with that id. */
  public boolean delete(String id) {
    if (!topics.containsKey(id)) {
      return false;
    }
    write(id, null);
    topics.remove(id);
    return true;
  }

  private void apply(String id, io.newsmon.avro.TopicDefinition value) {
    if (value == null) {
      topics.remove(id);
      return;
    }
    try {
      topics.put(id, TopicDefinitionWire.fromWire(value));
    } catch (IllegalArgumentException e) {
      topics.remove(id); // written around the API; the pipeline refuses it too
    }
  }

  private void write(String id, io.newsmon.avro.TopicDefinition value) {
    table.write(id, value);
  }
}
