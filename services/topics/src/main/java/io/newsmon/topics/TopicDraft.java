package io.newsmon.topics;

import java.util.List;
import java.util.Map;

/**
 * A topic as people write it, in a catalog file or an admin request: anything left out takes the
 * documented default (enabled, minimum score 0, no filters, no codes) rather than Java's zero
 * values, which would silently disable a topic. The id and version come from elsewhere (the file's
 * entry, the request's path and the stored version).
 */
public record TopicDraft(
    String name,
    String description,
    String query,
    TopicFilters filters,
    Double minScore,
    Boolean enabled,
    Map<String, List<String>> codes) {

  /** The validated definition; throws {@link IllegalArgumentException} when it is not valid. */
  public TopicDefinition definition(String id, int version) {
    return new TopicDefinition(
        id,
        name,
        description,
        query,
        filters,
        minScore == null ? 0.0 : minScore,
        enabled == null || enabled,
        version,
        codes);
  }
}
