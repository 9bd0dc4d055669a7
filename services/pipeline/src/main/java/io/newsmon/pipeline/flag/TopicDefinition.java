package io.newsmon.pipeline.flag;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One monitored topic: what analysts watch and the query that finds it.
 *
 * @param id stable kebab-case id, also part of the topic's stream name
 * @param name human-readable name
 * @param description what belongs to the topic and what does not
 * @param query Lucene classic query syntax over {@code title} and {@code text}
 * @param minScore flags scoring below this are dropped, in [0, 1]
 * @param enabled disabled topics are kept but never matched
 * @param version incremented on every change
 * @param codes classification codes by scheme, for example {@code cameo: ["15"]}
 */
public record TopicDefinition(
    String id,
    String name,
    String description,
    String query,
    double minScore,
    boolean enabled,
    int version,
    Map<String, List<String>> codes) {

  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

  public TopicDefinition {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(query, "query");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("topic id must be kebab-case: '" + id + "'");
    }
    if (query.isBlank()) {
      throw new IllegalArgumentException("topic " + id + " has an empty query");
    }
    if (minScore < 0 || minScore > 1) {
      throw new IllegalArgumentException("minScore of " + id + " must be within [0, 1]");
    }
    if (version < 1) {
      throw new IllegalArgumentException("version of " + id + " must be >= 1");
    }
    name = name == null || name.isBlank() ? id : name;
    description = description == null ? "" : description;
    codes = codes == null ? Map.of() : Map.copyOf(codes);
  }
}
