package io.newsmon.topics;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One monitored topic: what analysts watch and the query that finds it. Validated on construction;
 * whether the query itself can be evaluated is checked by {@link
 * io.newsmon.topics.query.TopicQueryParser}.
 *
 * @param id stable kebab-case id, also part of the topic's stream name ({@code news.topic.<id>})
 * @param name human-readable name
 * @param description what belongs to the topic and what does not
 * @param query the query, in newsmon's query language (docs/topics.md)
 * @param filters optional restrictions on language, source and mentioned countries
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
    TopicFilters filters,
    double minScore,
    boolean enabled,
    int version,
    Map<String, List<String>> codes) {

  /** Kebab-case, at most 100 characters: it becomes part of a Kafka topic name. */
  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

  public static final int MAX_ID_LENGTH = 100;
  public static final int MAX_QUERY_LENGTH = 10_000;

  public TopicDefinition {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(query, "query");
    if (!ID.matcher(id).matches() || id.length() > MAX_ID_LENGTH) {
      throw new IllegalArgumentException(
          "topic id must be kebab-case (a-z, 0-9, single dashes), at most "
              + MAX_ID_LENGTH
              + " characters: '"
              + id
              + "'");
    }
    if (query.isBlank()) {
      throw new IllegalArgumentException("topic " + id + " has an empty query");
    }
    if (query.length() > MAX_QUERY_LENGTH) {
      throw new IllegalArgumentException(
          "query of topic " + id + " is longer than " + MAX_QUERY_LENGTH + " characters");
    }
    if (minScore < 0 || minScore > 1) {
      throw new IllegalArgumentException("minScore of " + id + " must be within [0, 1]");
    }
    if (version < 1) {
      throw new IllegalArgumentException("version of " + id + " must be >= 1");
    }
    name = name == null || name.isBlank() ? id : name;
    description = description == null ? "" : description;
    filters = filters == null ? TopicFilters.NONE : filters;
    codes = codes == null ? Map.of() : Map.copyOf(codes);
  }

  /** A topic with no filters, minimum score 0, enabled, version 1: for tests and dry runs. */
  public static TopicDefinition of(String id, String query) {
    return new TopicDefinition(id, null, null, query, null, 0.0, true, 1, null);
  }
}
