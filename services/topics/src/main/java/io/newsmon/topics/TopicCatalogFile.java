package io.newsmon.topics;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a topic catalog from YAML or JSON: {@code topics: [ {id, name, description, query,
 * minScore, enabled, version, codes} ]}. Unknown fields are refused so a typo cannot silently
 * disable a setting.
 */
public final class TopicCatalogFile {

  /** The catalog shipped with newsmon. */
  public static final String STARTER = "newsmon/topics/starter-catalog.yaml";

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private TopicCatalogFile() {}

  /** Reads {@code location}: a file path, or {@code classpath:NAME}. */
  public static List<TopicDefinition> load(String location) {
    try {
      if (location.startsWith("classpath:")) {
        String name = location.substring("classpath:".length());
        try (InputStream in = TopicCatalogFile.class.getClassLoader().getResourceAsStream(name)) {
          if (in == null) {
            throw new IllegalArgumentException("no topic catalog on the classpath at " + name);
          }
          return parse(in, location);
        }
      }
      try (InputStream in = Files.newInputStream(Path.of(location))) {
        return parse(in, location);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read topic catalog " + location, e);
    }
  }

  public static List<TopicDefinition> starter() {
    return load("classpath:" + STARTER);
  }

  static List<TopicDefinition> parse(InputStream in, String origin) throws IOException {
    Catalog catalog = YAML.readValue(in, Catalog.class);
    if (catalog.topics() == null || catalog.topics().isEmpty()) {
      throw new IllegalArgumentException("topic catalog " + origin + " defines no topics");
    }
    Set<String> ids = new HashSet<>();
    List<TopicDefinition> topics = new java.util.ArrayList<>();
    for (Entry entry : catalog.topics()) {
      TopicDefinition topic = entry.definition();
      if (!ids.add(topic.id())) {
        throw new IllegalArgumentException(
            "topic catalog " + origin + " defines " + topic.id() + " twice");
      }
      topics.add(topic);
    }
    return List.copyOf(topics);
  }

  private record Catalog(List<Entry> topics) {}

  /** A topic as written in a file: a {@link TopicDraft} with its id and version (default 1). */
  private record Entry(
      String id,
      String name,
      String description,
      String query,
      TopicFilters filters,
      Double minScore,
      Boolean enabled,
      Integer version,
      java.util.Map<String, List<String>> codes) {

    TopicDefinition definition() {
      return new TopicDraft(name, description, query, filters, minScore, enabled, codes)
          .definition(id, version == null ? 1 : version);
    }
  }
}
