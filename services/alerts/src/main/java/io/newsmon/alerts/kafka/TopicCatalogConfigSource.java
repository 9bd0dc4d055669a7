package io.newsmon.alerts.kafka;

import io.newsmon.common.TopicCatalog;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Feeds topic names from {@link TopicCatalog} into the messaging configuration, so
 * application.properties never spells a topic name and the catalog stays the only place that does.
 */
public final class TopicCatalogConfigSource implements ConfigSource {

  private static final Map<String, String> VALUES =
      Map.of(
          "mp.messaging.incoming.news-flagged.topic",
          TopicCatalog.NEWS_FLAGGED.name(),
          "mp.messaging.incoming.news-topic-spikes.topic",
          TopicCatalog.NEWS_TOPIC_SPIKES.name());

  @Override
  public Map<String, String> getProperties() {
    return VALUES;
  }

  @Override
  public Set<String> getPropertyNames() {
    return VALUES.keySet();
  }

  @Override
  public String getValue(String propertyName) {
    return VALUES.get(propertyName);
  }

  @Override
  public String getName() {
    return "newsmon-topic-catalog";
  }

  @Override
  public int getOrdinal() {
    return 150; // below application.properties (250) and the environment (300)
  }
}
