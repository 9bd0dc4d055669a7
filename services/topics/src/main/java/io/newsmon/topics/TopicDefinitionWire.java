package io.newsmon.topics;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Conversions between {@link TopicDefinition} and its Avro form on {@code news.topic-definitions}.
 */
public final class TopicDefinitionWire {

  private TopicDefinitionWire() {}

  public static io.newsmon.avro.TopicDefinition toWire(TopicDefinition topic, Instant updatedAt) {
    Map<String, List<String>> codes = new TreeMap<>(topic.codes());
    return io.newsmon.avro.TopicDefinition.newBuilder()
        .setTopicId(topic.id())
        .setName(topic.name())
        .setDescription(topic.description())
        .setQuery(topic.query())
        .setLanguages(topic.filters().languages())
        .setSources(topic.filters().sources())
        .setCountries(topic.filters().countries())
        .setMinScore(topic.minScore())
        .setEnabled(topic.enabled())
        .setVersion(topic.version())
        .setCodes(codes)
        .setUpdatedAt(updatedAt)
        .build();
  }

  /** The domain value; throws {@link IllegalArgumentException} when the record is not valid. */
  public static TopicDefinition fromWire(io.newsmon.avro.TopicDefinition wire) {
    Map<String, List<String>> codes = new TreeMap<>();
    wire.getCodes().forEach((k, v) -> codes.put(k.toString(), List.copyOf(v)));
    return new TopicDefinition(
        wire.getTopicId(),
        wire.getName(),
        wire.getDescription(),
        wire.getQuery(),
        new TopicFilters(wire.getLanguages(), wire.getSources(), wire.getCountries()),
        wire.getMinScore(),
        wire.getEnabled(),
        wire.getVersion(),
        codes);
  }
}
